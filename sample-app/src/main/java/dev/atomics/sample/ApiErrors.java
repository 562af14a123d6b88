package dev.atomics.sample;

import dev.atomics.OperandRangeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad operands are the caller's fault: 400 with a message that says what is allowed. */
@RestControllerAdvice(assignableTypes = SampleController.class)
class ApiErrors {

    @ExceptionHandler({IllegalArgumentException.class, OperandRangeException.class})
    ProblemDetail badOperand(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
