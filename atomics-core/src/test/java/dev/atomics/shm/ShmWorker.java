package dev.atomics.shm;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicInt128;
import dev.atomics.AtomicType;
import dev.atomics.AtomicUint128;
import dev.atomics.Engine;
import dev.atomics.Int128;

/**
 * The JVM peer of the cross-process tests (run in its own JVM by {@link ShmTestSupport#startWorker}).
 *
 * <pre>
 *   inc   &lt;handle&gt; &lt;n&gt; &lt;engine&gt; [&lt;go&gt;]  attach to an int atomic by handle and increment it n
 *   times;
 *                                      with a go handle, first print "ready" and wait until go is non-zero
 *   inc16 &lt;handle&gt; &lt;n&gt; &lt;engine&gt; [&lt;go&gt;]  the same on a 16-byte uint atomic, each increment a
 *                                      compareAndExchange128 loop (a 16-byte compare-and-swap per attempt)
 *   read  &lt;handle&gt;                 print its value
 *   fault &lt;counter&gt; &lt;slot&gt;         loop forever: counter.inc(), then slot.store(++mine); prints "ready"
 * </pre>
 */
public final class ShmWorker {

    private ShmWorker() {}

    public static void main(String[] args) {
        switch (args[0]) {
            case "inc": {
                long n = Long.parseLong(args[2]);
                Engine engine = Engine.parse(args[3]);
                try (SharedAtomic<AtomicInt> counter =
                        SharedAtomicHandle.parse(args[1]).attach(AtomicType.INT, engine)) {
                    AtomicInt c = counter.get();
                    if (args.length > 4) {
                        awaitGo(args[4]);
                    }
                    for (long i = 0; i < n; i++) {
                        c.inc();
                    }
                    System.out.println("done " + c.load() + " " + c.engine());
                }
                break;
            }
            case "inc16": {
                long n = Long.parseLong(args[2]);
                Engine engine = Engine.parse(args[3]);
                try (SharedAtomic<AtomicUint128> counter =
                        SharedAtomicHandle.parse(args[1]).attach(AtomicType.UINT128, engine)) {
                    AtomicUint128 c = counter.get();
                    if (args.length > 4) {
                        awaitGo(args[4]);
                    }
                    for (long i = 0; i < n; i++) {
                        Int128 e = c.load();
                        Int128 seen;
                        while (!(seen = c.compareAndExchange(e, e.add(Int128.ONE))).equals(e)) {
                            e = seen;
                        }
                    }
                    System.out.println("done " + c.load().toUnsignedString() + " " + c.engine());
                }
                break;
            }
            case "read": {
                try (SharedAtomic<?> a = SharedAtomics.attach(args[1])) {
                    System.out.println(
                            a.get() instanceof AtomicInt128 i
                                    ? i.load().toString()
                                    : a.get().toString());
                }
                break;
            }
            case "fault": {
                SharedAtomic<AtomicInt> counter =
                        SharedAtomicHandle.parse(args[1]).attach(AtomicType.INT);
                SharedAtomic<AtomicInt> slot = SharedAtomicHandle.parse(args[2]).attach(AtomicType.INT);
                AtomicInt c = counter.get();
                AtomicInt s = slot.get();
                long mine = 0;
                for (; ; ) {
                    c.inc();
                    s.store(++mine);
                    if (mine == 1) {
                        System.out.println("ready");
                        System.out.flush();
                    }
                }
            }
            default:
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
        }
    }

    /** Start line: prints "ready", then spins until the go flag is non-zero, so that all processes overlap. */
    private static void awaitGo(String goHandle) {
        try (SharedAtomic<AtomicInt> go = SharedAtomicHandle.parse(goHandle).attach(AtomicType.INT)) {
            System.out.println("ready");
            System.out.flush();
            while (go.get().load() == 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(100_000); // do not starve processes still starting
            }
        }
    }
}
