package dev.atomics.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script of this module and its SHA-1, by which it is called ({@code EVALSHA}) once the server knows it:
 * {@link #OPS} ({@code atomics.lua}) performs every operation that writes, {@link #LOAD} ({@code load.lua}) reads
 * many keys at once.
 */
final class Script {

    /** Every write and read-modify-write of one atomic. */
    static final Script OPS = new Script("atomics.lua");
    /** The batched read of {@link RedisAtomics#loadAll}. */
    static final Script LOAD = new Script("load.lua");

    final byte[] body;
    final String sha1;

    private Script(String resource) {
        this.body = load(resource);
        this.sha1 = sha1(body);
    }

    private static byte[] load(String resource) {
        try (InputStream in = Script.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the atomics-redis jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String sha1(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /** The operations of {@link #OPS}, by their name in {@code ARGV[3]}; a leading 'f' returns the value before. */
    static final byte[] INIT = ascii("init");

    static final byte[] STORE = ascii("store");
    static final byte[] XCHG = ascii("xchg");
    static final byte[] CAS = ascii("cas");
    static final byte[] BIT_SET = ascii("bset");
    static final byte[] BIT_RESET = ascii("breset");
    static final byte[] BIT_COMPL = ascii("bcompl");
    static final byte[] OR = ascii("or");
    static final byte[] XOR = ascii("xor");
    static final byte[] AND = ascii("and");
    static final byte[] NOT = ascii("not");
    static final byte[] FETCH_OR = ascii("for");
    static final byte[] FETCH_XOR = ascii("fxor");
    static final byte[] FETCH_AND = ascii("fand");
    static final byte[] FETCH_NOT = ascii("fnot");
    static final byte[] ADD = ascii("add");
    static final byte[] SUB = ascii("sub");
    static final byte[] NEG = ascii("neg");
    static final byte[] FETCH_ADD = ascii("fadd");
    static final byte[] FETCH_SUB = ascii("fsub");
    static final byte[] FETCH_MAX = ascii("fmax");
    static final byte[] FETCH_MIN = ascii("fmin");
    static final byte[] FETCH_NEG = ascii("fneg");

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
