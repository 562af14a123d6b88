/**
 * Engines: the {@link dev.atomics.engine.Ops} of one engine for one width. The JVM engine uses VarHandle
 * access modes (widths 4 and 8); the patomic engine makes one JNA direct call per operation through
 * {@code dev.atomics.nativelib.Bridge}. {@link dev.atomics.engine.Engines} chooses and binds once per object;
 * {@link dev.atomics.engine.Dispatch} keeps the hot call sites inlined.
 */
package dev.atomics.engine;
