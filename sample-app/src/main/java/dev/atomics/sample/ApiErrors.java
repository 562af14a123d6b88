package dev.atomics.sample;

import dev.atomics.OperandRangeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API in one shape, RFC 9457 problem details ({@code application/problem+json}: {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance}): what Spring MVC rejects itself (an unsupported
 * method, a missing or malformed parameter, an unknown path), through {@link ResponseEntityExceptionHandler}, and
 * bad operands, which are the caller's fault: 400 with a message that says what is allowed.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler({IllegalArgumentException.class, OperandRangeException.class})
    ProblemDetail badOperand(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
