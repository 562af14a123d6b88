package dev.atomics.sample;

import dev.atomics.AtomicInt;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every request to the sample's REST API ({@code /api/**}, see {@link WebConfig}) in the {@code requests}
 * atomic, whatever its outcome: a servlet filter sees the request before Spring MVC looks for a handler, so an
 * unsupported method (405) or an unknown path (404) counts like a success. The dashboard's polling of
 * {@code /actuator/atomics} is not counted, so the value only moves when the API is used.
 */
class RequestCountingFilter extends OncePerRequestFilter {

    private final AtomicInt requests;

    RequestCountingFilter(AtomicInt requests) {
        this.requests = requests;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        requests.inc();
        chain.doFilter(request, response);
    }
}
