package dev.atomics.shm;

/**
 * What {@link SharedMapping#status()} found when it compared a mapping with the object behind it: whether
 * another process shrank the object, removed its name, or put a different object under the name.
 *
 * <p>Why it matters: touching a page of a mapping beyond the end of its (shrunk) object raises SIGBUS, which
 * kills the JVM when it happens in native code; and after the name was removed or reused, this process keeps
 * working on the old object while every other process that opens the name gets the new one, so counters
 * silently diverge.
 *
 * @param state   the outcome
 * @param size    the object's current size in bytes, or -1 if unknown (closed, or the check failed)
 * @param problem what is wrong, in words naming the object; empty when {@link State#OK}
 */
public record MappingStatus(State state, long size, String problem) {

    /** The outcomes of a check, from harmless to unknown. */
    public enum State {
        /** The object is the one the name refers to and is at least as large as the mapping. */
        OK,
        /** The object is now smaller than the mapping: bytes past {@link #size()} must not be touched. */
        SHRUNK,
        /** The name no longer exists (unlinked or deleted); the mapping shows an object no one else can open. */
        REMOVED,
        /** The name now refers to a different object; the mapping shows the old one. */
        REPLACED,
        /** The mapping was closed. */
        CLOSED,
        /** The system could not tell (e.g. permission denied while looking the name up). */
        UNKNOWN
    }

    /** Whether the whole mapping is safe to touch and still shared under its name. */
    public boolean ok() {
        return state == State.OK;
    }

    /**
     * Whether {@code length} bytes at {@code offset} of the mapping may be touched and are still the object that
     * other processes open by name: always when {@link State#OK}, and when {@link State#SHRUNK} if the bytes lie
     * within the object's current size.
     */
    public boolean covers(long offset, long length) {
        return state == State.OK || (state == State.SHRUNK && offset >= 0 && length >= 0 && offset <= size - length);
    }
}
