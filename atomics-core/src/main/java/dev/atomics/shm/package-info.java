/**
 * Named POSIX shared memory and atomics that live in it.
 *
 * <ul>
 *   <li>{@link dev.atomics.shm.SharedMemory}: create, open, close and unlink a {@code shm_open} object by name,
 *       take slices and atomic views on it; closing never unmaps memory a live view uses.</li>
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
