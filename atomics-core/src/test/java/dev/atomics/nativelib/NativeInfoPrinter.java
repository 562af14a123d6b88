package dev.atomics.nativelib;

import dev.atomics.AtomicInt;
import dev.atomics.AtomicType;
import dev.atomics.Atomics;
import dev.atomics.Engine;
import dev.atomics.NativeInfo;

/** A child process for {@link UpstreamLibraryTest}: loads whatever library the environment names and uses it. */
public final class NativeInfoPrinter {

    public static void main(String[] args) {
        try {
            NativeInfo info = Atomics.nativeInfo();
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
