/**
 * Engines: the {@link dev.atomics.engine.Ops} an object calls. The JVM engine ({@code JvmOps}, one class and
 * one instance for widths 1, 2, 4 and 8) uses VarHandle access modes; the patomic engine makes one JNA direct
 * call per operation through {@code dev.atomics.nativelib.Bridge}. {@link dev.atomics.engine.Engines} chooses
 * and binds once per object; {@link dev.atomics.engine.Dispatch} keeps the hot call sites inlined.
 */
package dev.atomics.engine;
