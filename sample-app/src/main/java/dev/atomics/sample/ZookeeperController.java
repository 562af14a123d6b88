package dev.atomics.sample;

import dev.atomics.AtomicInt;
import dev.atomics.spring.boot.AtomicsProblem;
import dev.atomics.zookeeper.ZookeeperAtomic;
import dev.atomics.zookeeper.ZookeeperAtomicsException;
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
 * The "zookeeper" profile's API: {@code orders} is an atomic on a znode ({@code atomics.cluster.orders} in
 * application-zookeeper.yml), so every instance of the app takes order numbers from one counter agreed by the
 * ensemble.
 */
@RestController
@RequestMapping("/api/orders")
@Profile("zookeeper")
class ZookeeperController {

    private final AtomicInt orders;
    private final Environment environment;

    ZookeeperController(@Qualifier("orders") AtomicInt orders, Environment environment) {
        this.orders = orders;
        this.environment = environment;
    }

    private String instance() {
        return "port " + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    /**
     * @param order    the number taken; {@code orders} the count so far
     * @param instance which instance of the app answered
     * @param znode    the path of the counter's znode
     */
    record Order(long order, String instance, String znode) {}

    record Orders(long orders, String instance, String znode) {}

    /** Takes the next order number: unique across every instance, never applied twice (fetchInc). */
    @PostMapping
    Order order() {
        return new Order(orders.fetchInc() + 1, instance(), ((ZookeeperAtomic) orders).path());
    }

    /** How many orders all instances have taken. */
    @GetMapping
    Orders orders() {
        return new Orders(orders.load(), instance(), ((ZookeeperAtomic) orders).path());
    }

    /** The starter's status table: 409 foreign or missing znode, 503 no quorum or lost session, 504 outcome unknown. */
    @ExceptionHandler(ZookeeperAtomicsException.class)
    ProblemDetail zookeeperFailed(ZookeeperAtomicsException e) {
        AtomicsProblem p = AtomicsProblem.of(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(p.status()), p.detail());
        problem.setTitle(p.title());
        problem.setProperty("outcomeUnknown", e.outcomeUnknown());
        return problem;
    }
}
