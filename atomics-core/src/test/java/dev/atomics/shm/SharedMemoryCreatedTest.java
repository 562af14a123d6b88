package dev.atomics.shm;

import static dev.atomics.shm.ShmTestSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SharedMemory#created()}: which factory call made the object, so that a failing caller removes only that. */
@ExtendWith(ShmCleanup.class)
class SharedMemoryCreatedTest {

    @Test
    void createAlwaysCreatesAndOpenNever() {
        String name = uniqueName();
        try (SharedMemory created = SharedMemory.create(name, 8);
                SharedMemory opened = SharedMemory.open(name);
                SharedMemory readonly = SharedMemory.open(name, true)) {
            assertThat(created.created()).isTrue();
            assertThat(opened.created()).isFalse();
            assertThat(readonly.created()).isFalse();
        }
    }

    @Test
    void openOrCreateTellsWhetherTheNameWasNew() {
        String name = uniqueName();
        try (SharedMemory first = SharedMemory.openOrCreate(name, 8);
                SharedMemory second = SharedMemory.openOrCreate(name, 8);
                SharedMemory grown = SharedMemory.openOrCreate(name, 64)) {
            assertThat(first.created()).isTrue();
            assertThat(second.created()).isFalse();
            // growing an existing object is not creating it
            assertThat(grown.created()).isFalse();
            assertThat(grown.size()).isEqualTo(64);
        }
    }
}
