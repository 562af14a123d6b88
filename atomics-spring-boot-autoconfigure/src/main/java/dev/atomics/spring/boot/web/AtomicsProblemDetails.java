package dev.atomics.spring.boot.web;

import dev.atomics.AtomicsException;
import dev.atomics.spring.boot.AtomicsProblem;
import dev.atomics.spring.boot.UnknownAtomicException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the library's exceptions thrown by the application's controllers as RFC 9457 {@link ProblemDetail} bodies,
 * with the status of {@link AtomicsProblem}'s table (the one the {@code atomics} endpoint uses): 400, 404, 409, 503
 * with {@code "retryable"}, 504 with {@code "outcome": "unknown"}; never 500.
 *
 * <p>Registered by the auto-configuration when {@code atomics.web.problem-details=true}; or declare it as a bean, or
 * call {@link #of(Throwable)} from an {@code @ExceptionHandler} of your own.
 */
@RestControllerAdvice
public class AtomicsProblemDetails {

    /** The answer to {@code failure}. */
    @ExceptionHandler({AtomicsException.class, UnknownAtomicException.class})
    public ResponseEntity<ProblemDetail> handle(Exception failure) {
        ProblemDetail problem = of(failure);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** {@code failure} as a problem: status, title, detail, and the extensions of {@link AtomicsProblem}. */
    public static ProblemDetail of(Throwable failure) {
        AtomicsProblem problem = AtomicsProblem.of(failure);
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                org.springframework.http.HttpStatusCode.valueOf(problem.status()), problem.detail());
        detail.setTitle(problem.title());
        problem.extensions().forEach(detail::setProperty);
        return detail;
    }
}
