package dev.atomics.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.PropertyDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;

/**
 * Boot's metadata cannot hint keys inside map values (spring-boot issue 9945), so docs/reference-spring-boot.md
 * lists every key of an entry in a table: this checks the table against the property classes, so that a key added
 * to an entry, or removed, fails here until the reference follows.
 */
class EntryKeysDocumentedTest {

    private static final Path REFERENCE = Path.of("..", "docs", "reference-spring-boot.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\|");

    @Test
    void theReferenceListsEveryKeyOfEveryKindOfEntry() throws Exception {
        String text = Files.readString(REFERENCE);
        String table = text.substring(text.indexOf("\n## Entry keys\n"));
        table = table.substring(0, table.indexOf("\n## ", 1));
        Set<String> instances = new TreeSet<>();
        Set<String> shared = new TreeSet<>();
        Set<String> cluster = new TreeSet<>();
        for (String line : table.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                collect(instances, row.group(1), row.group(2));
                collect(shared, row.group(1), row.group(3));
                collect(cluster, row.group(1), row.group(4));
            }
        }
        assertThat(instances).as("atomics.instances keys").isEqualTo(keys(AtomicsProperties.Instance.class));
        assertThat(shared).as("atomics.shared keys").isEqualTo(keys(AtomicsProperties.Shared.class));
        assertThat(cluster).as("atomics.cluster keys").isEqualTo(keys(AtomicsProperties.Cluster.class));
    }

    private static void collect(Set<String> keys, String key, String cell) {
        if (!cell.trim().equals("no")) {
            keys.add(key);
        }
    }

    /** The bound properties of an entry class, in the kebab case of application.yml. */
    private static Set<String> keys(Class<?> entry) {
        return Arrays.stream(BeanUtils.getPropertyDescriptors(entry))
                .filter(p -> p.getWriteMethod() != null)
                .map(PropertyDescriptor::getName)
                .map(name -> name.replaceAll("([A-Z])", "-$1").toLowerCase())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
