package dev.atomics;

/**
 * The outcome of a compare-and-exchange on an integral object.
 *
 * @param success  whether the exchange took place
 * @param expected the value the object held when the operation ran: equal to the expected argument on
 *                 success, the conflicting value on failure (the next expected value of a CAS loop)
 */
public record CmpxchgResult(boolean success, long expected) {}
