package dev.atomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomics.testing.Patomic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every memory order on every operation: valid ones work, invalid ones throw before memory is touched. */
class MemoryOrderTest {

    @Test
    void validityPredicatesFollowC11() {
        assertThat(List.of(MemoryOrder.values()).stream().filter(MemoryOrder::isValidStoreOrder))
                .containsExactly(MemoryOrder.RELAXED, MemoryOrder.RELEASE, MemoryOrder.SEQ_CST);
        assertThat(List.of(MemoryOrder.values()).stream().filter(MemoryOrder::isValidLoadOrder))
                .containsExactly(MemoryOrder.RELAXED, MemoryOrder.ACQUIRE, MemoryOrder.SEQ_CST);
        assertThat(MemoryOrder.ACQUIRE.isValidFailOrder(MemoryOrder.ACQ_REL)).isTrue();
        assertThat(MemoryOrder.SEQ_CST.isValidFailOrder(MemoryOrder.ACQ_REL)).isFalse();
        assertThat(MemoryOrder.RELEASE.isValidFailOrder(MemoryOrder.SEQ_CST)).isFalse();
        assertThat(MemoryOrder.RELAXED.isValidFailOrder(MemoryOrder.RELAXED)).isTrue();
        assertThat(MemoryOrder.failOrderFor(MemoryOrder.RELEASE)).isEqualTo(MemoryOrder.ACQUIRE);
        assertThat(MemoryOrder.failOrderFor(MemoryOrder.ACQ_REL)).isEqualTo(MemoryOrder.ACQUIRE);
        assertThat(MemoryOrder.failOrderFor(MemoryOrder.SEQ_CST)).isEqualTo(MemoryOrder.SEQ_CST);
        assertThat(MemoryOrder.SEQ_CST.value()).isEqualTo(5);
        assertThat(MemoryOrder.ofValue(1)).isEqualTo(MemoryOrder.ACQUIRE);
        assertThatThrownBy(() -> MemoryOrder.ofValue(6)).isInstanceOf(MemoryOrderException.class);
    }

    /** Both engines at every width (patomic where its library loads). */
    static List<Object[]> objects() {
        List<Object[]> all = new ArrayList<>();
        for (int w : new int[] {1, 2, 4, 8}) {
            all.add(new Object[] {w, Engine.JVM});
            if (Patomic.available()) {
                all.add(new Object[] {w, Engine.PATOMIC});
            }
        }
        return all;
    }

    @ParameterizedTest(name = "width {0}, {1}")
    @MethodSource("objects")
    void loadsStoresAndBitTestsAcceptOnlyTheirOrders(int width, Engine engine) {
        AtomicInt a = Atomics.atomic(width, AtomicType.INT, engine);
        AtomicBytes b = Atomics.atomic(width, AtomicType.BYTES, engine);
        a.store(5);
        for (MemoryOrder o : MemoryOrder.values()) {
            check(o.isValidLoadOrder(), () -> assertThat(a.load(o)).isEqualTo(5));
            check(o.isValidLoadOrder(), () -> assertThat(a.bitTest(0, o)).isTrue());
            check(o.isValidLoadOrder(), () -> b.load(o));
            check(o.isValidLoadOrder(), () -> b.bitTest(0, o));
            check(o.isValidStoreOrder(), () -> a.store(5, o));
            check(o.isValidStoreOrder(), () -> b.store(new byte[width], o));
            assertThat(a.load()).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "width {0}, {1}")
    @MethodSource("objects")
    void compareAndExchangeChecksTheFailOrderAgainstTheSuccessOrder(int width, Engine engine) {
        AtomicInt a = Atomics.atomic(width, AtomicType.INT, engine);
        AtomicBytes b = Atomics.atomic(width, AtomicType.BYTES, engine);
        for (MemoryOrder s : MemoryOrder.values()) {
            for (MemoryOrder f : MemoryOrder.values()) {
                boolean valid = f.isValidFailOrder(s);
                check(
                        valid,
                        () -> assertThat(a.cmpxchgStrong(a.load(), 1, s, f).success())
                                .isTrue());
                check(
                        valid,
                        () -> assertThat(a.cmpxchgWeak(a.load(), 2, s, f).success())
                                .isTrue());
                check(
                        valid,
                        () -> assertThat(a.cmpxchgStrong(99, 3, s, f).success()).isFalse());
                check(
                        valid,
                        () -> assertThat(a.compareAndSet(a.load(), 4, s, f)).isTrue());
                check(valid, () -> a.compareAndExchange(a.load(), 5, s, f));
                check(
                        valid,
                        () -> assertThat(b.cmpxchgStrong(b.load(), new byte[width], s, f)
                                        .success())
                                .isTrue());
                check(valid, () -> b.cmpxchgWeak(b.load(), new byte[width], s, f));
            }
        }
    }

    @ParameterizedTest(name = "width {0}, {1}")
    @MethodSource("objects")
    void readModifyWriteOperationsAcceptEveryOrder(int width, Engine engine) {
        AtomicUint a = Atomics.atomic(width, AtomicType.UINT, engine);
        AtomicBytes b = Atomics.atomic(width, AtomicType.BYTES, engine);
        byte[] zero = new byte[width];
        for (MemoryOrder o : MemoryOrder.values()) {
            List<Consumer<MemoryOrder>> ops = List.of(
                    x -> a.exchange(1, x),
                    x -> a.bitCompl(1, x),
                    x -> a.bitSet(1, x),
                    x -> a.bitReset(1, x),
                    x -> a.binOr(1, x),
                    x -> a.binXor(1, x),
                    x -> a.binAnd(1, x),
                    x -> a.binNot(x),
                    x -> a.binFetchOr(1, x),
                    x -> a.binFetchXor(1, x),
                    x -> a.binFetchAnd(1, x),
                    x -> a.binFetchNot(x),
                    x -> a.add(1, x),
                    x -> a.sub(1, x),
                    x -> a.inc(x),
                    x -> a.dec(x),
                    x -> a.neg(x),
                    x -> a.fetchAdd(1, x),
                    x -> a.fetchSub(1, x),
                    x -> a.fetchInc(x),
                    x -> a.fetchDec(x),
                    x -> a.fetchNeg(x),
                    x -> b.exchange(zero, x),
                    x -> b.bitCompl(0, x),
                    x -> b.bitSet(0, x),
                    x -> b.bitReset(0, x),
                    x -> b.binOr(zero, x),
                    x -> b.binXor(zero, x),
                    x -> b.binAnd(zero, x),
                    x -> b.binNot(x),
                    x -> b.binFetchOr(zero, x),
                    x -> b.binFetchXor(zero, x),
                    x -> b.binFetchAnd(zero, x),
                    x -> b.binFetchNot(x));
            for (Consumer<MemoryOrder> op : ops) {
                assertThatCode(() -> op.accept(o)).doesNotThrowAnyException();
            }
        }
    }

    @ParameterizedTest
    // the memory engines
    @EnumSource(
            value = Engine.class,
            mode = EnumSource.Mode.EXCLUDE,
            names = {"REDIS", "ZOOKEEPER"})
    void aNullOrderIsRefused(Engine engine) {
        Patomic.assumeServes(engine);
        AtomicInt a = Atomics.atomic(8, AtomicType.INT, engine);
        assertThatThrownBy(() -> a.load(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> a.fetchAdd(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> a.cmpxchgStrong(0, 1, MemoryOrder.SEQ_CST, null))
                .isInstanceOf(NullPointerException.class);
        assertThat(a.load()).isZero();
    }

    private static void check(boolean valid, Runnable op) {
        if (valid) {
            op.run();
        } else {
            assertThatThrownBy(op::run).isInstanceOf(MemoryOrderException.class).hasMessageContaining("not a valid");
        }
    }
}
