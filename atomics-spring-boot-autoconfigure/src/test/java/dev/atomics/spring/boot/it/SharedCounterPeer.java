package dev.atomics.spring.boot.it;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicIntViewContext;
import dev.atomics.AtomicType;
import dev.atomics.Atomics;
import dev.atomics.shm.SharedMemory;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Another process for the integration tests: opens the same shared-memory object or file as the application,
 * adds to the 8-byte int counter at an offset, prints the new value and exits. Uses atomics-core only.
 *
 * <p>Usage: {@code SharedCounterPeer shm|file <name-or-path> <offset> <delta>}
 */
public final class SharedCounterPeer {

    private SharedCounterPeer() {}

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        String target = args[1];
        long offset = Long.parseLong(args[2]);
        long delta = Long.parseLong(args[3]);
        if (kind.equals("shm")) {
            try (SharedMemory shm = SharedMemory.open(target)) {
                try (AtomicIntViewContext ctx = shm.atomicView(offset, 8, AtomicType.INT)) {
                    System.out.println(add(ctx.open(), delta));
                }
            }
        } else {
            try (FileChannel channel =
                    FileChannel.open(Path.of(target), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, offset, 8);
                try (AtomicIntViewContext ctx = Atomics.atomicView(buffer, AtomicType.INT)) {
                    System.out.println(add(ctx.open(), delta));
                }
            }
        }
    }

    private static long add(AtomicInt counter, long delta) {
        return counter.fetchAdd(delta) + delta;
    }
}
