/**
 * Support for testing applications that use the atomics starter: {@link dev.atomics.spring.boot.test.IsolatedAtomics}
 * gives each test application context shared-memory objects and files of its own, removed when it closes.
 */
package dev.atomics.spring.boot.test;
