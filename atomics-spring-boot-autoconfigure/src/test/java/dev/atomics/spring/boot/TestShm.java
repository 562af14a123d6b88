package dev.atomics.spring.boot;

import dev.atomics.shm.SharedMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unique shared-memory names for one test class ({@code atomics-test-<pid>-<class>-<n>}), all unlinked by
 * {@link #cleanup()} so that nothing is left in /dev/shm.
 */
public final class TestShm {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String prefix;
    private final List<String> names = new ArrayList<>();

    public TestShm(String tag) {
        this.prefix = "atomics-test-" + ProcessHandle.current().pid() + "-" + tag + "-";
    }

    /** A fresh name, unlinked at cleanup. */
    public synchronized String name() {
        String name = prefix + COUNTER.incrementAndGet();
        names.add(name);
        return name;
    }

    /** Unlinks every name handed out that still exists. */
    public synchronized void cleanup() {
        for (String name : names) {
            if (SharedMemory.exists(name)) {
                SharedMemory.unlink(name);
            }
        }
        names.clear();
    }
}
