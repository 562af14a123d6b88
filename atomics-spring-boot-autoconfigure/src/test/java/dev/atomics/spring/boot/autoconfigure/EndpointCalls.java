package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomics.spring.boot.actuate.AtomicsEndpoint.AtomicDescriptor;
import dev.atomics.spring.boot.actuate.AtomicsEndpoint.OperationResult;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/** The endpoint's answers, called directly: a body on success, a problem body otherwise. */
final class EndpointCalls {

    private EndpointCalls() {}

    static AtomicDescriptor descriptor(WebEndpointResponse<Object> response) {
        assertThat(response.getStatus()).as("status of %s", response.getBody()).isEqualTo(200);
        return (AtomicDescriptor) response.getBody();
    }

    static OperationResult result(WebEndpointResponse<Object> response) {
        assertThat(response.getStatus()).as("status of %s", response.getBody()).isEqualTo(200);
        return (OperationResult) response.getBody();
    }

    /** The call answered {@code status} with an RFC 9457 body whose detail contains every fragment. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> problem(int status, Supplier<WebEndpointResponse<Object>> call, String... fragments) {
        WebEndpointResponse<Object> response = call.get();
        assertThat(response.getStatus()).as("status of %s", response.getBody()).isEqualTo(status);
        Map<String, Object> body = (Map<String, Object>) response.getBody();
        assertThat(body).containsEntry("status", status).containsKeys("type", "title", "detail", "exception");
        if (fragments.length > 0) {
            assertThat((String) body.get("detail")).contains(fragments);
        }
        return body;
    }
}
