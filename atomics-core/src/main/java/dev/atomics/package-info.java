/**
 * The API: lock-free atomic operations on native memory that other threads and processes may share.
 *
 * <p>Start with {@link dev.atomics.Atomics}: {@code atomic(width, type)} makes an object that owns its memory,
 * {@code atomicView(buffer, type)} a context guarding a view on memory you provide (a direct or mapped
 * {@link java.nio.ByteBuffer}, a JNA pointer). The types mirror Python's {@code atomics}: {@link dev.atomics.Atomic},
 * {@link dev.atomics.AtomicIntegral}, {@link dev.atomics.AtomicInt}, {@link dev.atomics.AtomicUint},
 * {@link dev.atomics.AtomicBytes}, each with a view counterpart. Named shared memory is in {@code dev.atomics.shm}.
 *
 * <p>Below this package: memory sources ({@code dev.atomics.memory}, {@code dev.atomics.shm}), engines
 * ({@code dev.atomics.engine}) and the native binding ({@code dev.atomics.nativelib}); see docs/ARCHITECTURE.md.
 */
package dev.atomics;
