package dev.atomics;

/**
 * Which implementation performs an object's operations. Both memory engines ({@link #JVM}, {@link #PATOMIC})
 * use the same lock-free hardware instructions on the same memory, so objects of either engine (in this or
 * another process) may operate on one location together. {@link #REDIS} is not a memory engine: it is what
 * objects of the atomics-redis module report, whose operations run on a Redis server.
 */
public enum Engine {
    /**
     * The default: the JVM engine for every width it serves (1, 2, 4 and 8 bytes, every type), patomic for any
     * other width a loaded patomic library offers. Needs no native library for widths up to 8.
     */
    AUTO,
    /**
     * Every operation through the patomic library: one direct native call per operation. Fails, saying why,
     * where the library cannot be loaded ({@link Atomics#nativeInfo()}).
     */
    PATOMIC,
    /**
     * {@link java.lang.invoke.VarHandle} access modes, compiled inline by the JIT; widths 1, 2, 4 and 8 (1- and
     * 2-byte read-modify-writes as a compare-and-exchange loop on the aligned 4-byte word that holds them).
     */
    JVM,
    /**
     * Operations performed by a Redis server on a key (the atomics-redis module): reported by those objects,
     * never chosen for memory. {@link Atomics} refuses it, and {@link #parse} does not accept it.
     */
    REDIS,
    /**
     * Operations agreed by a ZooKeeper ensemble on a znode (the atomics-zookeeper module): reported by those
     * objects, never chosen for memory, like {@link #REDIS}.
     */
    ZOOKEEPER;

    /** System property (and Spring property {@code atomics.engine}) that sets the default engine. */
    public static final String PROPERTY = "atomics.engine";

    /**
     * Parses {@code auto}, {@code patomic} or {@code jvm} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted values otherwise
     */
    public static Engine parse(String name) {
        if (name != null) {
            for (Engine e : new Engine[] {AUTO, PATOMIC, JVM}) { // the engines that serve memory
                if (e.name().equalsIgnoreCase(name.trim())) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("unknown atomics engine '" + name + "': use auto, patomic or jvm");
    }
}
