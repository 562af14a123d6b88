package dev.atomics;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.atomics.engine.Engines;
import dev.atomics.nativelib.ExplicitOpsTable;
import dev.atomics.nativelib.PatomicLibrary;
import java.nio.ByteBuffer;

/**
 * The alignment an atomic object of a given width needs: natural alignment for the widths this library serves
 * (1, 2, 4, 8 and 16), and what the patomic library reports, where it is loaded.
 *
 * <p>{@link #recommended()} is what C requires and is always sufficient; {@link #minimum()} is what the
 * hardware requires, valid only while the object does not cross a {@link #sizeWithin()}-byte boundary
 * (0: no such limit). Objects are constructed only on memory meeting the recommended alignment.
 */
public final class Alignment {

    private final int width;
    private final long recommended;
    private final long minimum;
    private final long sizeWithin;

    /** The alignment for objects of {@code width} bytes. */
    public Alignment(int width) {
        if (width <= 0) {
            throw new UnsupportedWidthException("width must be positive: " + width);
        }
        this.width = width;
        // The JVM engine needs natural alignment at the widths it serves (its 1- and 2-byte objects then sit
        // inside one aligned 4-byte word), and 16-byte instructions fault on less than 16. patomic's table adds
        // what C asks for, where the library is loaded.
        long natural = Engines.jvmSupports(width) || width == Engines.WIDE ? width : 1;
        ExplicitOpsTable table = PatomicLibrary.unavailableReason() == null
                ? PatomicLibrary.get().table(width)
                : null;
        if (table == null) {
            this.recommended = natural;
            this.minimum = natural;
            this.sizeWithin = 0;
        } else {
            this.recommended = Math.max(natural, table.recommended());
            this.minimum = Math.max(natural, table.minimum());
            this.sizeWithin = table.sizeWithin();
        }
    }

    public int width() {
        return width;
    }

    /** The alignment C requires for this width. */
    public long recommended() {
        return recommended;
    }

    /** The alignment the architecture requires within a {@link #sizeWithin()} block. */
    public long minimum() {
        return minimum;
    }

    /** The block within which {@link #minimum()} holds; 0 means everywhere. */
    public long sizeWithin() {
        return sizeWithin;
    }

    /** Same as {@link #isValidRecommended(long)}. */
    public boolean isValid(long address) {
        return isValidRecommended(address);
    }

    /** Whether the remaining bytes of a direct buffer start at a valid address; false for heap buffers. */
    public boolean isValid(ByteBuffer buffer) {
        return buffer.isDirect()
                && isValidRecommended(Pointer.nativeValue(Native.getDirectBufferPointer(buffer)) + buffer.position());
    }

    /** Whether a JNA pointer's address is valid. */
    public boolean isValid(Pointer pointer) {
        return isValidRecommended(Pointer.nativeValue(pointer));
    }

    /** Whether {@code address} meets the recommended alignment. */
    public boolean isValidRecommended(long address) {
        return Long.remainderUnsigned(address, recommended) == 0;
    }

    /**
     * Whether {@code address} meets the minimum alignment, and the object stays within one {@code sizeWithin} block.
     */
    public boolean isValidMinimum(long address) {
        if (Long.remainderUnsigned(address, minimum) != 0) {
            return false;
        }
        return sizeWithin == 0 || Long.remainderUnsigned(address, sizeWithin) + width <= sizeWithin;
    }

    @Override
    public String toString() {
        return "Alignment(width=" + width + ", recommended=" + recommended + ", minimum=" + minimum + ", sizeWithin="
                + sizeWithin + ")";
    }
}
