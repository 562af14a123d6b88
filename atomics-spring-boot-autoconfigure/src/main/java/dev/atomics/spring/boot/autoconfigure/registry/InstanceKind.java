package dev.atomics.spring.boot.autoconfigure.registry;

import dev.atomics.Atomic;
import dev.atomics.AtomicType;
import dev.atomics.Atomics;
import dev.atomics.UnsupportedWidthException;
import dev.atomics.spring.boot.AtomicSource;
import dev.atomics.spring.boot.AtomicValues;
import dev.atomics.spring.boot.AtomicsEntry;
import dev.atomics.spring.boot.OwnedAtomics;
import dev.atomics.spring.boot.autoconfigure.AtomicsProperties;
import java.util.List;

/**
 * The {@code instance} kind: {@code atomics.instances} entries, atomics owning memory of this process, each stored
 * its {@code initial-value}. One {@link OwnedAtomics} backend reads them all directly; nothing to undo.
 */
final class InstanceKind implements SourceKind<AtomicsProperties.Instance> {

    @Override
    public String name() {
        return "instance";
    }

    @Override
    public EntryMap<AtomicsProperties.Instance> map() {
        return EntryMap.INSTANCES;
    }

    @Override
    public String selector() {
        return null;
    }

    @Override
    public ResolvedAtomic validate(ResolvedAtomic b, AtomicsProperties.Instance instance) {
        String initial = instance.getInitialValue();
        if (initial != null && !initial.isBlank()) {
            try {
                if (b.type() == AtomicType.BYTES) {
                    AtomicValues.parseBytes(initial, b.width());
                } else {
                    AtomicValues.parseInt128(initial, b.width(), b.type() == AtomicType.INT);
                }
            } catch (IllegalArgumentException e) {
                throw b.badInitialValue(initial, e);
            }
        }
        return b.withInitialValue(initial);
    }

    @Override
    public void open(List<ResolvedAtomic> specs, Startup startup) {
        for (ResolvedAtomic spec : specs) {
            startup.entry(new AtomicsEntry(spec.name(), spec.type(), create(spec), new AtomicSource.Instance()));
        }
        startup.backend(
                new OwnedAtomics(specs.stream().map(ResolvedAtomic::name).toList()), null);
    }

    private static Atomic create(ResolvedAtomic b) {
        Atomic atomic;
        try {
            atomic = Atomics.atomic(b.width(), b.type().forWidth(b.width()), b.engine());
        } catch (UnsupportedWidthException e) {
            throw AtomicsRegistryFactory.unsupportedWidth(b.prefix(), b.width(), e);
        }
        String initial = b.initialValue();
        if (initial != null && !initial.isBlank()) {
            AtomicValues.store(atomic, initial);
        }
        return atomic;
    }
}
