package dev.atomics.spring.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration of named atomics: {@code atomics.*}.
 *
 * <pre>{@code
 * atomics:
 *   instances:
 *     requests: { type: int, width: 8 }
 *   shared:
 *     jobs-done: { shm: myapp-counters, offset: 0, type: int, width: 8, create: true }
 * }</pre>
 */
@ConfigurationProperties(prefix = "atomics")
public class AtomicsProperties {

    /** Whether to create the configured atomics, their beans, gauges, endpoint and health indicator. */
    private boolean enabled = true;

    /**
     * An upstream libpatomic shared library to use instead of the one bundled in atomics-core. Sets the system
     * property 'atomics.patomic.library' before the first native use; fails at startup if this JVM already
     * loaded another patomic library.
     */
    private String patomicLibrary;

    /**
     * Default engine for every configured atomic: auto (the JVM engine, which serves every width: 1, 2, 4 and 8;
     * the system property 'atomics.engine' may change what auto means), patomic or jvm.
     */
    private String engine = "auto";

    /** Atomics owning their memory, one bean each, named by the key. */
    private Map<String, Instance> instances = new LinkedHashMap<>();

    /** Views on memory shared with other processes (a POSIX shared-memory object or a mapped file), one bean each, named by the key. */
    private Map<String, Shared> shared = new LinkedHashMap<>();

    private final Metrics metrics = new Metrics();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPatomicLibrary() {
        return patomicLibrary;
    }

    public void setPatomicLibrary(String patomicLibrary) {
        this.patomicLibrary = patomicLibrary;
    }

    public String getEngine() {
        return engine;
    }

    public void setEngine(String engine) {
        this.engine = engine;
    }

    public Map<String, Instance> getInstances() {
        return instances;
    }

    public void setInstances(Map<String, Instance> instances) {
        this.instances = instances;
    }

    public Map<String, Shared> getShared() {
        return shared;
    }

    public void setShared(Map<String, Shared> shared) {
        this.shared = shared;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    /** What every configured atomic has. */
    public abstract static class Entry {

        /** Atomic type: int (signed), uint (unsigned) or bytes, case-insensitive. */
        private String type = "int";

        /** Width in bytes: 1, 2, 4 or 8 for int and uint (default 8); required for bytes. */
        private Integer width;

        /** Engine for this atomic (auto, patomic or jvm); defaults to 'atomics.engine'. */
        private String engine;

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public Integer getWidth() {
            return width;
        }

        public void setWidth(Integer width) {
            this.width = width;
        }

        public String getEngine() {
            return engine;
        }

        public void setEngine(String engine) {
            this.engine = engine;
        }
    }

    /** An atomic owning its memory. */
    public static class Instance extends Entry {

        /**
         * Value stored at startup: a decimal integer (or 0x hex) for int and uint, within the range of the width;
         * hex bytes of exactly 'width' bytes, in memory order, for bytes. Default zero.
         */
        private String initialValue;

        public String getInitialValue() {
            return initialValue;
        }

        public void setInitialValue(String initialValue) {
            this.initialValue = initialValue;
        }
    }

    /** A view on shared memory: exactly one of 'shm' and 'file'. */
    public static class Shared extends Entry {

        /** Name of a POSIX shared-memory object (as for shm_open, with or without the leading '/'). */
        private String shm;

        /** Path of a file to memory-map. */
        private String file;

        /** Byte offset of the atomic in the object or file; must be aligned to the width. */
        private long offset;

        /** Whether to create the object or file if it is missing, and extend it if it is too small. */
        private boolean create;

        /** Whether the view refuses modifying operations. */
        private boolean readonly;

        public String getShm() {
            return shm;
        }

        public void setShm(String shm) {
            this.shm = shm;
        }

        public String getFile() {
            return file;
        }

        public void setFile(String file) {
            this.file = file;
        }

        public long getOffset() {
            return offset;
        }

        public void setOffset(long offset) {
            this.offset = offset;
        }

        public boolean isCreate() {
            return create;
        }

        public void setCreate(boolean create) {
            this.create = create;
        }

        public boolean isReadonly() {
            return readonly;
        }

        public void setReadonly(boolean readonly) {
            this.readonly = readonly;
        }
    }

    /** Micrometer integration. */
    public static class Metrics {

        /** Whether to register an 'atomics.value' gauge per int and uint atomic. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
