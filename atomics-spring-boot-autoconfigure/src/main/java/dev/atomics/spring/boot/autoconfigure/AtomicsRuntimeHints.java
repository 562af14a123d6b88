package dev.atomics.spring.boot.autoconfigure;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * What a native image of an application with the starter needs at run time besides what Spring finds itself: the
 * native libraries bundled in atomics-core (JNA extracts them from the class path), atomics-core's JNA interfaces
 * (libc through dynamic proxies, the call bridge through direct mapping), atomics-redis's Lua script, the
 * configuration properties the bean registrar binds from the Environment, and the endpoint's answers (serialized to
 * JSON). JNA itself needs reachability metadata of its own, which its jar does not carry. A JVM run of an
 * AOT-processed application needs none of this. No native image has been built with these hints: see the README.
 */
final class AtomicsRuntimeHints implements RuntimeHintsRegistrar {

    /** The platforms the atomics-core jar carries libraries for, in JNA's folder names. */
    static final List<String> PLATFORMS = List.of("linux-x86-64", "linux-aarch64");

    /** The libraries in each platform folder: patomic, the call bridge and the fault guard of shared mappings. */
    static final List<String> LIBRARIES = List.of("libpatomic.so", "libatomics_bridge.so", "libatomics_guard.so");

    static final List<String> JNA_INTERFACES = List.of("dev.atomics.shm.Posix$LibC", "dev.atomics.shm.Posix$Shm");

    static final String BRIDGE = "dev.atomics.nativelib.Bridge";

    /** The fault guard's natives, bound like the bridge's. */
    static final String GUARD = "dev.atomics.shm.FaultGuard$Natives";

    /** The Lua script of atomics-redis (atomics.cluster entries), read from the class path. */
    static final String REDIS_SCRIPT = "dev/atomics/redis/atomics.lua";

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        for (String platform : PLATFORMS) {
            for (String library : LIBRARIES) {
                hints.resources().registerPattern(platform + "/" + library);
            }
        }
        hints.resources().registerPattern(REDIS_SCRIPT);
        for (String library : JNA_INTERFACES) {
            TypeReference type = TypeReference.of(library);
            hints.proxies().registerJdkProxy(type);
            hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
        }
        // Native.register binds the bridge's native methods by reflection (JNI access: the same metadata since GraalVM
        // 23)
        hints.reflection().registerType(TypeReference.of(BRIDGE), MemberCategory.INVOKE_DECLARED_METHODS);
        hints.reflection().registerType(TypeReference.of(GUARD), MemberCategory.INVOKE_DECLARED_METHODS);
        BindableRuntimeHintsRegistrar.forTypes(AtomicsProperties.class).registerHints(hints, classLoader);
        if (ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.annotation.Endpoint", classLoader)) {
            Endpoint.register(hints);
        }
    }

    /** Kept apart so that the endpoint's classes are loaded only with the actuator. */
    private static final class Endpoint {

        static void register(RuntimeHints hints) {
            new BindingReflectionHintsRegistrar()
                    .registerReflectionHints(
                            hints.reflection(),
                            dev.atomics.spring.boot.actuate.AtomicsEndpoint.AtomicsDescriptor.class,
                            dev.atomics.spring.boot.actuate.AtomicsEndpoint.AtomicDescriptor.class,
                            dev.atomics.spring.boot.actuate.AtomicsEndpoint.OperationResult.class);
        }
    }
}
