package dev.atomics.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Runs a test's application context with its shared memory isolated: sets {@code atomics.test.isolate=true} for the
 * test class (Spring Boot's {@link PropertyMapping}, as Boot's own {@code @AutoConfigure...} annotations do).
 *
 * <p>Every {@code atomics.shared} object then gets a name unique to the context ({@code myapp-counters} becomes
 * {@code myapp-counters-test-1a2b3c4d}), every file moves under a directory of the context's own in
 * {@code java.io.tmpdir}, each is created if missing (as with {@code create: true}), and what the context created is
 * removed when it closes. Tests running at once, in one JVM or several, and an application running on the machine
 * never share an object; nothing is left in {@code /dev/shm} or on disk. The registry names the actual objects
 * ({@code registry.get("jobs-done").source().target()}), for a test that lets another process attach. Atomics on
 * Redis keys ({@code atomics.cluster}) are not renamed.
 *
 * <pre>{@code
 * @SpringBootTest
 * @IsolatedAtomics
 * class JobsTest { ... }
 * }</pre>
 *
 * <p>Needs {@code spring-boot-test} (in {@code spring-boot-starter-test}). Equivalent to the property
 * {@code atomics.test.isolate=true} (e.g. {@code @SpringBootTest(properties = "atomics.test.isolate=true")}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@PropertyMapping("atomics.test")
public @interface IsolatedAtomics {

    /**
     * Whether to isolate ({@code atomics.test.isolate}); {@code false} turns off what a superclass turned on.
     *
     * @return whether the context's shared memory is isolated
     */
    boolean isolate() default true;
}
