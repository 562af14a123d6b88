package dev.atomics;

/**
 * Thrown by a method that returns a value as a {@code long} (or a {@link CmpxchgResult}, which holds one) when
 * the atomic's values are wider than 64 bits (width 16): the value cannot be returned whole, and this library
 * never drops its high half. Thrown before memory is touched, whatever the value: use the method's
 * {@link Int128} form ({@code load128()}, {@code fetchAdd128(...)}, ...), which works at every width.
 */
public class WideValueException extends UnsupportedOpException {
    private static final long serialVersionUID = 1L;

    public WideValueException(String message) {
        super(message);
    }
}
