package dev.atomics.shm;

import dev.atomics.Atomic;
import dev.atomics.AtomicType;
import dev.atomics.Engine;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an atomic in named shared memory lives: enough for another process to attach to it. Pass it to a
 * sub-process as a string ({@link #toString()}, parsed by {@link #parse(String)}), as a serialized Java object,
 * or field by field.
 *
 * <h2>Format</h2>
 * <pre>
 *   shm:&lt;posix name&gt;@&lt;offset&gt;:&lt;width&gt;:&lt;type&gt;          e.g.  shm:/myapp-counters@64:8:int
 * </pre>
 * <ul>
 *   <li>{@code posix name}: the {@code shm_open} name with its leading {@code '/'} (see {@link SharedMemory});</li>
 *   <li>{@code offset}: decimal byte offset of the atomic from the start of the object, a multiple of the
 *       width for widths 1, 2, 4, 8 and 16;</li>
 *   <li>{@code width}: decimal size in bytes;</li>
 *   <li>{@code type}: {@code int} (two's-complement signed), {@code uint} (unsigned) or {@code bytes} (raw).</li>
 * </ul>
 * The value is stored in the machine's native byte order, so only peers on the same machine (which is the
 * only place shared memory exists) read it. Peers attach like this:
 * <ul>
 *   <li>Java: {@code SharedAtomicHandle.parse(s).attach(AtomicType.INT)} (or {@link
 *   SharedAtomics#attach(String)});</li>
 *   <li>C: {@code sscanf(s, "shm:%255[^@]@%ld:%d:%15s", name, &offset, &width, type)}, then
 *       {@code fd = shm_open(name, O_RDWR, 0)}, {@code p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)}
 *       (size from {@code fstat}) and {@code _Atomic int64_t *a = (_Atomic int64_t *) ((char *) p + offset)} for
 *       {@code 8:int};</li>
 *   <li>Python: {@code shm = SharedMemory(name=posix_name[1:])} (Python adds the '/'), then
 *       {@code atomics.atomicview(buffer=shm.buf[offset:offset + width], atype=atomics.INT)}.</li>
 * </ul>
 *
 * @param name   the POSIX name, with its leading '/' (a name given without one gets it)
 * @param offset the byte offset of the atomic in the object
 * @param width  the atomic's size in bytes
 * @param type   {@code "int"}, {@code "uint"} or {@code "bytes"}
 */
public record SharedAtomicHandle(String name, long offset, int width, String type) implements Serializable {

    /** The scheme that starts the string form. */
    public static final String SCHEME = "shm:";

    private static final Pattern FORMAT = Pattern.compile("shm:(.+)@(\\d+):(\\d+):([A-Za-z]+)");

    /**
     * Validates and normalizes the fields.
     *
     * @throws SharedMemoryNameException if the name is invalid
     * @throws IllegalArgumentException  for a negative offset, a width that is not positive, an offset not
     *                                   aligned to a width of 1, 2, 4, 8 or 16, or an unknown type
     */
    public SharedAtomicHandle {
        name = SharedMemory.posixName(name);
        if (offset < 0) {
            throw new IllegalArgumentException("shared atomic offset must not be negative: " + offset);
        }
        if (width <= 0) {
            throw new IllegalArgumentException("shared atomic width must be positive: " + width);
        }
        if (width <= 16 && Integer.bitCount(width) == 1 && offset % width != 0) {
            throw new IllegalArgumentException("shared atomic offset " + offset + " is not aligned to its width "
                    + width + ": use a multiple of " + width + " (SharedAtomics.alignUp)");
        }
        if (type == null) {
            throw new IllegalArgumentException("shared atomic type is null: use int, uint or bytes");
        }
        type = type.trim().toLowerCase(Locale.ROOT);
        if (!type.equals("int") && !type.equals("uint") && !type.equals("bytes")) {
            throw new IllegalArgumentException("unknown shared atomic type '" + type + "': use int, uint or bytes");
        }
    }

    /**
     * A handle for an atomic of the given type ({@link AtomicType#INT}, {@link AtomicType#UINT}, {@link
     * AtomicType#BYTES}).
     */
    public static SharedAtomicHandle of(String name, long offset, int width, AtomicType<?, ?, ?> type) {
        Objects.requireNonNull(type, "type");
        // the string form names the kind only (C and Python peers read it): int128 is "int" of width 16
        return new SharedAtomicHandle(name, offset, width, type.forWidth(1).name());
    }

    /**
     * Parses the string form {@code shm:/name@offset:width:type}.
     *
     * @throws IllegalArgumentException naming the expected format if {@code s} does not match it
     */
    public static SharedAtomicHandle parse(String s) {
        Matcher m = s == null ? null : FORMAT.matcher(s.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a shared atomic handle: '" + s + "'; expected "
                    + "shm:/<name>@<offset>:<width>:<int|uint|bytes>, e.g. shm:/myapp-counters@64:8:int");
        }
        try {
            return new SharedAtomicHandle(
                    m.group(1), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)), m.group(4));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "shared atomic handle '" + s + "' has an offset or width out of range", e);
        }
    }

    /** The atomic type: {@link AtomicType#INT}, {@link AtomicType#UINT} or {@link AtomicType#BYTES}. */
    public AtomicType<?, ?, ?> atomicType() {
        return AtomicType.parse(type).forWidth(width);
    }

    /** The name without the leading '/', as Python's {@code SharedMemory(name=...)} takes it. */
    public String bareName() {
        return name.substring(1);
    }

    /**
     * Attaches in this process, mapping the object anew; see {@link SharedAtomics#attach(SharedAtomicHandle,
     * AtomicType)}.
     */
    public SharedAtomic<? extends Atomic> attach() {
        return SharedAtomics.attach(this);
    }

    /** Attaches as the given type, which must be this handle's type. */
    public <A extends Atomic> SharedAtomic<A> attach(AtomicType<A, ?, ?> expected) {
        return SharedAtomics.attach(this, expected);
    }

    /** Attaches as the given type, served by the given engine. */
    public <A extends Atomic> SharedAtomic<A> attach(AtomicType<A, ?, ?> expected, Engine engine) {
        return SharedAtomics.attach(this, expected, engine);
    }

    /** The string form, {@code shm:/name@offset:width:type}. */
    @Override
    public String toString() {
        return SCHEME + name + "@" + offset + ":" + width + ":" + type;
    }
}
