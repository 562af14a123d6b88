/**
 * Memory shared with other processes: named POSIX shared memory, memory-mapped files, and atomics that live in
 * them.
 *
 * <ul>
 *   <li>{@link dev.atomics.shm.SharedMapping}: what both kinds share: slices, atomic views, users that keep it
 *       from closing, pages kept mapped until unreachable, and {@link dev.atomics.shm.SharedMapping#status()},
 *       which tells whether another process shrank, removed or replaced the object.</li>
 *   <li>{@link dev.atomics.shm.SharedMemory}: create, open, close and unlink a {@code shm_open} object by name.</li>
 *   <li>{@link dev.atomics.shm.MappedFile}: a regular file, opened without following a final symbolic link,
 *       created exclusively or grown only if this process's user owns it.</li>
 *   <li>{@link dev.atomics.shm.SharedAtomics} and {@link dev.atomics.shm.SharedAtomic}: an {@code AtomicInt},
 *       {@code AtomicUint} or {@code AtomicBytes} inside a named object, and
 *       {@link dev.atomics.shm.SharedAtomicHandle} ({@code shm:/name@offset:width:type}) for another process
 *       (Java, C or Python) to attach to it.</li>
 * </ul>
 *
 * Name mapping, for the object called {@code myapp-counters}:
 * <pre>
 *   Java    SharedMemory.open("myapp-counters")   or  SharedMemory.open("/myapp-counters")
 *   C       shm_open("/myapp-counters", O_RDWR, 0)
 *   Python  multiprocessing.shared_memory.SharedMemory(name="myapp-counters")
 *   Linux   /dev/shm/myapp-counters
 * </pre>
 */
package dev.atomics.shm;
