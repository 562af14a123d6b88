package dev.atomics;

/**
 * The outcome of a compare-and-exchange through the {@link Int128} methods of an integral object
 * ({@link AtomicIntegral128#cmpxchgStrong}, {@link AtomicIntegral128#cmpxchgWeak}).
 *
 * @param success  whether the exchange took place
 * @param expected the value the object held when the operation ran: the expected argument on success, the
 *                 conflicting value on failure (the next expected value of a CAS loop)
 */
public record Int128CmpxchgResult(boolean success, Int128 expected) {}
