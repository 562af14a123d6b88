package dev.atomics.sample;

import dev.atomics.AtomicInt;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts every request to the sample's REST API ({@code /api/**}) in the {@code requests} atomic. The
 * dashboard's polling of {@code /actuator/atomics} is not counted, so the value only moves when the API is used.
 */
@Component
class RequestCountingInterceptor implements HandlerInterceptor {

    private final AtomicInt requests;

    RequestCountingInterceptor(@Qualifier("requests") AtomicInt requests) {
        this.requests = requests;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        requests.inc();
        return true;
    }
}
