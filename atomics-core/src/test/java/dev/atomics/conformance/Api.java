package dev.atomics.conformance;

import dev.atomics.AtomicType;
import dev.atomics.MemoryOrder;
import dev.atomics.Op;
import java.math.BigInteger;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One public API (an interface of atomics and its value type) as the kit tests it: the table of its methods, and
 * how its values relate to the {@link Model}. {@link Apis} holds the tables of this library's APIs.
 *
 * @param api      the interface every object tested implements
 * @param types    the types to build objects of
 * @param methods  every method, each with the {@link Op} it performs
 * @param value    a model value (for a bit pattern read by the model) in the API's form
 * @param rejected operands every method that takes one must refuse with {@code OperandRangeException}
 * @param store    a plain store, to set up a state
 * @param load     a plain load, to read the state back
 * @param <A>      the interface
 * @param <X>      the value type: {@code Long}, {@code Int128}, {@code byte[]}
 */
public record Api<A, X>(
        Class<A> api,
        List<AtomicType<?, ?, ?>> types,
        List<Method<A, X>> methods,
        BiFunction<Model, BigInteger, X> value,
        Function<Model, List<X>> rejected,
        BiConsumer<A, X> store,
        Function<A, Object> load) {

    /** The arguments of one call: operands in the API's form, the bit offset and the orders. */
    public record Args<X>(X operand, X expected, int bit, MemoryOrder order, MemoryOrder failure) {}

    /** How to call a method. */
    public interface Call<A, X> {
        Object call(A atomic, Args<X> args);
    }

    /**
     * One method of the API, the operation it performs, and what it must return given the model's outcome
     * ({@code null} for {@code void} methods).
     */
    public record Method<A, X>(String name, Op op, Call<A, X> call, Function<Model.Outcome, Object> result) {}

    public static <A, X> Method<A, X> method(
            String name, Op op, Call<A, X> call, Function<Model.Outcome, Object> result) {
        return new Method<>(name, op, call, result);
    }

    public static <A, X> Method<A, X> voidMethod(String name, Op op, BiConsumer<A, Args<X>> call) {
        return new Method<>(
                name,
                op,
                (a, in) -> {
                    call.accept(a, in);
                    return null;
                },
                o -> null);
    }
}
