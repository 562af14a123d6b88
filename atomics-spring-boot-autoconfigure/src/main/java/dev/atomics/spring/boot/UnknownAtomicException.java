package dev.atomics.spring.boot;

import java.util.NoSuchElementException;

/**
 * Thrown by {@link AtomicsRegistry#get(String)} when no atomic of that name is configured. A
 * {@link NoSuchElementException}, as {@code Optional.get} and the like throw.
 */
public class UnknownAtomicException extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    private final String name;

    /**
     * @param name    the name asked for
     * @param message what was asked for and what is known; quotes at most the start of {@code name}
     */
    public UnknownAtomicException(String name, String message) {
        super(message);
        this.name = name;
    }

    /** The name asked for (as given: it may come from a request). */
    public String name() {
        return name;
    }
}
