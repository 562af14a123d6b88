package dev.atomics.shm;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For shared-memory test classes ({@code @ExtendWith(ShmCleanup.class)}): after each test, kills the processes it
 * started and unlinks the objects it named ({@link ShmTestSupport#cleanup()}); after the class, checks that
 * /dev/shm holds nothing of this JVM's.
 */
final class ShmCleanup implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        ShmTestSupport.cleanup();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ShmTestSupport.assertNothingLeft();
    }
}
