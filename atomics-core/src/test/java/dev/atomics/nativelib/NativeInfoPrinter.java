package dev.atomics.nativelib;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.NativeInfo;

/**
 * A child process for {@link UpstreamLibraryTest}: reports what {@code Atomics.nativeInfo()} says, uses a JVM-engine
 * atomic (which needs no native library), then a patomic one from whatever library the environment names.
 * Exits with 3 if the patomic one fails.
 */
public final class NativeInfoPrinter {

    public static void main(String[] args) {
        NativeInfo info = Atomics.nativeInfo();
        System.out.println("available=" + info.available());
        if (!info.available()) {
            System.out.println("reason=" + info.unavailableReason());
        }
        AtomicInt jvm = Atomics.atomic(1, AtomicType.INT);
        jvm.fetchAdd(41);
        jvm.inc();
        System.out.println("jvm=" + jvm.load() + " engine=" + jvm.engine());
        try {
            AtomicInt a = Atomics.atomic(2, AtomicType.INT, Engine.PATOMIC);
            a.fetchAdd(41);
            a.inc();
            System.out.println("path=" + info.patomicLibrary());
            System.out.println("bundled=" + info.bundled());
            System.out.println("version=" + info.patomicVersion());
            System.out.println("value=" + a.load());
        } catch (RuntimeException e) {
            System.out.println("error=" + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(3);
        }
    }
}
