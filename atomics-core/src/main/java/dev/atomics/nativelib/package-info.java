/**
 * The native binding: which patomic library to load (bundled in the jar, or an upstream one named by
 * {@code atomics.patomic.library}), its explicit ops tables read once per width, and the JNA direct mapping of
 * the call bridge. Only the engines use it.
 */
package dev.atomics.nativelib;
