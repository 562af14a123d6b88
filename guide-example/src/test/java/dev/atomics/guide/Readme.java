package dev.atomics.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's README.md, and the parts of it this module is made of. */
final class Readme {

    static final Path PATH = Path.of("..", "README.md");

    private final String text;

    private Readme(String text) {
        this.text = text;
    }

    static Readme read() {
        try {
            return new Readme(Files.readString(PATH));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The section that starts with the heading {@code heading} (e.g. {@code ## A 5-minute guide}), up to the next one
     * of its level.
     */
    Readme section(String heading) {
        int start = text.indexOf("\n" + heading);
        if (start < 0) {
            throw new IllegalStateException("README.md has no heading '" + heading + "'");
        }
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = text.indexOf("\n" + level, start + 1 + heading.length());
        return new Readme(text.substring(start + 1, end < 0 ? text.length() : end));
    }

    /** The text from the first occurrence of {@code marker} on (e.g. a step's bold title). */
    Readme from(String marker) {
        int start = text.indexOf(marker);
        if (start < 0) {
            throw new IllegalStateException("README.md has no '" + marker + "' there");
        }
        return new Readme(text.substring(start));
    }

    /** The first paragraph (up to a blank line). */
    String paragraph() {
        int end = text.indexOf("\n\n");
        return end < 0 ? text : text.substring(0, end);
    }

    /** The content of the first fenced block of {@code language} (without the fences). */
    String fenced(String language) {
        String open = "```" + language + "\n";
        int start = text.indexOf(open);
        if (start < 0) {
            throw new IllegalStateException(
                    "no ```" + language + " block in: " + text.substring(0, Math.min(200, text.length())));
        }
        int end = text.indexOf("\n```", start + open.length());
        return text.substring(start + open.length(), end + 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
