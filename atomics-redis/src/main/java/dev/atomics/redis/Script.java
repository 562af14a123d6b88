package dev.atomics.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua script that performs every read-modify-write operation ({@code atomics.lua} beside this class), and
 * its SHA-1, by which it is called ({@code EVALSHA}) once the server knows it.
 */
final class Script {

    static final byte[] BODY = load();
    static final String SHA1 = sha1(BODY);

    private Script() {
    }

    private static byte[] load() {
        try (InputStream in = Script.class.getResourceAsStream("atomics.lua")) {
            if (in == null) {
                throw new IllegalStateException("atomics.lua is missing from the atomics-redis jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read atomics.lua", e);
        }
    }

    private static String sha1(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /** The operations the script knows, by their name in {@code ARGV[3]}; a leading 'f' returns the value before. */
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
