package dev.atomics;

import java.util.List;

/**
 * The kinds of atomic object, used as tokens in {@link Atomics#atomic(int, AtomicType)} and
 * {@link Atomics#atomicView(java.nio.ByteBuffer, AtomicType)} so that the result is typed:
 * {@code Atomics.atomic(4, AtomicType.INT)} is an {@link AtomicInt}.
 *
 * @param <A> the owning object type
 * @param <V> the view type
 * @param <C> the view context type
 */
public final class AtomicType<A extends Atomic, V extends AtomicView, C extends AtomicViewContext<V>> {

    enum Kind {
        ANY,
        INTEGRAL,
        BYTES,
        INT,
        UINT,
        INT128,
        UINT128
    }

    /** Any atomic object: properties only, no operations. */
    public static final AtomicType<Atomic, AtomicView, AtomicViewContext<AtomicView>> ANY =
            new AtomicType<>(Kind.ANY, "any");
    /**
     * Integral objects of either signedness: a type for declarations. Construction needs a signedness, so
     * build objects with {@link #INT}, {@link #UINT} or {@link Atomics#atomicIntegral(int, boolean)}.
     */
    public static final AtomicType<AtomicIntegral, AtomicIntegralView, AtomicViewContext<AtomicIntegralView>> INTEGRAL =
            new AtomicType<>(Kind.INTEGRAL, "integral");
    /** Raw bytes: {@link AtomicBytes}. */
    public static final AtomicType<AtomicBytes, AtomicBytesView, AtomicBytesViewContext> BYTES =
            new AtomicType<>(Kind.BYTES, "bytes");
    /** Signed integers: {@link AtomicInt}. */
    public static final AtomicType<AtomicInt, AtomicIntView, AtomicIntViewContext> INT =
            new AtomicType<>(Kind.INT, "int");
    /** Unsigned integers: {@link AtomicUint}. */
    public static final AtomicType<AtomicUint, AtomicUintView, AtomicUintViewContext> UINT =
            new AtomicType<>(Kind.UINT, "uint");

    /** Signed 16-byte integers, values as {@link Int128}. */
    public static final AtomicType<AtomicInt128, AtomicInt128View, AtomicViewContext<AtomicInt128View>> INT128 =
            new AtomicType<>(Kind.INT128, "int128");
    /** Unsigned 16-byte integers, values as {@link Int128}. */
    public static final AtomicType<AtomicUint128, AtomicUint128View, AtomicViewContext<AtomicUint128View>> UINT128 =
            new AtomicType<>(Kind.UINT128, "uint128");

    private static final List<AtomicType<?, ?, ?>> ALL = List.of(ANY, INTEGRAL, BYTES, INT, UINT, INT128, UINT128);

    final Kind kind;
    private final String name;

    private AtomicType(Kind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    /** The lower-case name: {@code any}, {@code integral}, {@code bytes}, {@code int} or {@code uint}. */
    public String name() {
        return name;
    }

    /** Whether objects of this type have arithmetic operations and a signedness. */
    public boolean isIntegral() {
        return kind == Kind.INTEGRAL || kind == Kind.INT || kind == Kind.UINT || is128();
    }

    /** Whether values are read as signed integers: {@link #INT} and {@link #INT128}. */
    public boolean signed() {
        return kind == Kind.INT || kind == Kind.INT128;
    }

    /**
     * Whether objects of this type are 16-byte integers ({@link #INT128}, {@link #UINT128}), values as {@link Int128}.
     */
    public boolean is128() {
        return kind == Kind.INT128 || kind == Kind.UINT128;
    }

    /**
     * The integer type of {@code width} bytes with this type's signedness: {@link #INT128} for {@link #INT} at
     * width 16, {@link #UINT128} for {@link #UINT}; otherwise this type. For code that takes width and type from
     * configuration.
     */
    public AtomicType<?, ?, ?> forWidth(int width) {
        if (width == 16 && kind == Kind.INT) {
            return INT128;
        }
        if (width == 16 && kind == Kind.UINT) {
            return UINT128;
        }
        if (width != 16 && kind == Kind.INT128) {
            return INT;
        }
        if (width != 16 && kind == Kind.UINT128) {
            return UINT;
        }
        return this;
    }

    /**
     * The type named {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted names otherwise
     */
    public static AtomicType<?, ?, ?> parse(String name) {
        if (name != null) {
            for (AtomicType<?, ?, ?> t : ALL) {
                if (t.name.equalsIgnoreCase(name.trim())) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown atomic type '" + name + "': use int, uint, bytes, int128 or uint128");
    }

    @Override
    public String toString() {
        return name.toUpperCase(java.util.Locale.ROOT);
    }
}
