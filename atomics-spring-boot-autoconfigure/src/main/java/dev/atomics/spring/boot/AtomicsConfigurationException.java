package dev.atomics.spring.boot;

import dev.atomics.AtomicsException;

/**
 * Thrown at startup when the {@code atomics.*} configuration cannot be honoured. It names the offending
 * property, the value found there, what is wrong with it and how to fix it, so that Boot's failure
 * analysis (see {@code AtomicsFailureAnalyzer}) can print a one-line description and an action.
 */
public class AtomicsConfigurationException extends AtomicsException {

    private static final long serialVersionUID = 1L;

    /** How many characters of the value the message quotes: configured values may be of any length. */
    private static final int QUOTE = 100;

    private final String property;
    private final String value;
    private final String problem;
    private final String action;

    /**
     * @param property the full property name, e.g. {@code atomics.shared.jobs-done.offset}
     * @param value    the configured value (may be {@code null} when the property is missing); the message quotes
     *                 at most its first 100 characters
     * @param problem  what is wrong, as a sentence fragment without a trailing period
     * @param action   how to fix it, as a sentence
     */
    public AtomicsConfigurationException(String property, Object value, String problem, String action) {
        this(property, value, problem, action, null);
    }

    public AtomicsConfigurationException(
            String property, Object value, String problem, String action, Throwable cause) {
        super(message(property, value, problem), cause);
        this.property = property;
        this.value = value == null ? null : String.valueOf(value);
        this.problem = problem;
        this.action = action;
    }

    private static String message(String property, Object value, String problem) {
        return "Invalid atomics configuration: " + property
                + (value == null ? " (not set)" : " = '" + AtomicValues.abbreviate(String.valueOf(value), QUOTE) + "'")
                + ": " + problem;
    }

    /** The full name of the offending property. */
    public String getProperty() {
        return property;
    }

    /** The configured value, or {@code null} if the property is not set. */
    public String getValue() {
        return value;
    }

    /** What is wrong with the value. */
    public String getProblem() {
        return problem;
    }

    /** How to fix it. */
    public String getAction() {
        return action;
    }
}
