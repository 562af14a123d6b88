package dev.atomics.sample;

import dev.atomics.AtomicInt;
import dev.atomics.redis.RedisAtomic;
import dev.atomics.redis.RedisAtomicsException;
import dev.atomics.spring.boot.AtomicsProblem;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "cluster" profile's API: {@code orders} is an atomic on a Redis key ({@code atomics.cluster.orders} in
 * application-cluster.yml), so every instance of the app, on any machine, takes order numbers from one counter.
 */
@RestController
@RequestMapping("/api/orders")
@Profile("cluster")
class ClusterController {

    private final AtomicInt orders;
    private final Environment environment;

    ClusterController(@Qualifier("orders") AtomicInt orders, Environment environment) {
        this.orders = orders;
        this.environment = environment;
    }

    /** Which instance answers: its port (known once the server listens). */
    private String instance() {
        return "port " + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    /**
     * @param order    the number taken; {@code orders} the count so far
     * @param instance which instance of the app answered
     * @param key      the Redis key of the counter
     */
    record Order(long order, String instance, String key) {}

    record Orders(long orders, String instance, String key) {}

    /** Takes the next order number: unique across every instance, one round trip to Redis (fetchInc). */
    @PostMapping
    Order order() {
        return new Order(orders.fetchInc() + 1, instance(), ((RedisAtomic) orders).key());
    }

    /** How many orders all instances have taken. */
    @GetMapping
    Orders orders() {
        return new Orders(orders.load(), instance(), ((RedisAtomic) orders).key());
    }

    /**
     * Redis failed the operation: the starter's status table decides ({@link AtomicsProblem}: 503 when Redis is down,
     * 504 when the outcome is unknown, 409 when the key holds something else or vanished), saying whether the
     * operation may nevertheless have happened (a timeout: it may have; nothing is retried).
     */
    @ExceptionHandler(RedisAtomicsException.class)
    ProblemDetail redisFailed(RedisAtomicsException e) {
        AtomicsProblem table = AtomicsProblem.of(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(table.status()), e.getMessage());
        problem.setProperty("outcomeUnknown", e.outcomeUnknown());
        table.extensions().forEach(problem::setProperty);
        return problem;
    }
}
