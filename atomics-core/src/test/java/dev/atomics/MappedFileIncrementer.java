package dev.atomics;

import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child process for the cross-process tests: maps FILE and increments the counter of WIDTH bytes at
 * OFFSET COUNT times with ENGINE, by {@code inc} or by a {@code cas} (cmpxchgWeak) loop.
 * usage: FILE OFFSET WIDTH COUNT ENGINE MODE
 */
public final class MappedFileIncrementer {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int offset = Integer.parseInt(args[1]);
        int width = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        Engine engine = Engine.parse(args[4]);
        boolean cas = args[5].equals("cas");
        int shift = 64 - 8 * width;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size());
            try (AtomicIntViewContext ctx = Atomics.atomicView(map.slice(offset, width), AtomicType.INT, engine)) {
                AtomicIntView counter = ctx.open();
                System.out.println("engine=" + counter.engine());
                for (int i = 0; i < count; i++) {
                    if (cas) {
                        CmpxchgResult r = new CmpxchgResult(false, counter.load());
                        while (!r.success()) {
                            // wrap the desired value into the signed range of the width, as inc does
                            long desired = ((r.expected() + 1) << shift) >> shift;
                            r = counter.cmpxchgWeak(r.expected(), desired);
                        }
                    } else {
                        counter.inc();
                    }
                }
            }
        }
        System.out.println("done=" + count);
    }
}
