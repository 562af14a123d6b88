/**
 * Memory sources: {@link dev.atomics.memory.MemoryRegion} is the run of native memory one atomic object
 * operates on (address, size, writability, a direct buffer over it, and what keeps it alive), checked once at
 * construction. Knows nothing of engines.
 */
package dev.atomics.memory;
