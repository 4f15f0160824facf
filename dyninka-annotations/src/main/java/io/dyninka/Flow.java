package io.dyninka;

import io.vertx.core.Future;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A typed chain of {@link Service} functions: the dataflow of a Dyninka app.
 *
 * <p>Because a chain is ordinary, type-checked Java, javac rejects an ill-typed chain before the
 * annotation processor reads it. At build time each step becomes its own HTTP service that pulls
 * its inputs from its upstream steps; {@link #runLocal(Object)} runs the same chain in this JVM,
 * which makes it the reference result for the distributed one.
 *
 * @param <T> the type of the items this flow produces
 */
public final class Flow<T> {

  /** Marks an item that a {@link #thenOptional} step filtered out; never reaches user code. */
  private static final Object FILTERED = new Object();

  private final Function<Object, Future<Object>> evaluation;

  private Flow(Function<Object, Future<Object>> evaluation) {
    this.evaluation = evaluation;
  }

  /** A flow whose head is a service with no input, such as a sensor reader. */
  public static <R> Flow<R> from(Supplier<R> source) {
    Objects.requireNonNull(source, "source");
    return new Flow<>(input -> call(() -> Future.succeededFuture(source.get())));
  }

  /** A flow whose head is an asynchronous service with no input. */
  public static <R> Flow<R> fromAsync(Supplier<Future<R>> source) {
    Objects.requireNonNull(source, "source");
    return new Flow<>(input -> call(() -> nonNull(source.get()).map(r -> (Object) r)));
  }

  /**
   * A flow whose head is the request itself: the HTTP body (JSON) of the client's request becomes
   * the input of the first step.
   */
  public static <R> Flow<R> input(Class<R> type) {
    Objects.requireNonNull(type, "type");
    return new Flow<>(Future::succeededFuture);
  }

  /** Fan-in: the service gets the items of two flows, fetched from their upstreams concurrently. */
  public static <A, B, R> Flow<R> zip(
      Flow<A> first, Flow<B> second, BiFunction<? super A, ? super B, ? extends R> join) {
    Objects.requireNonNull(join, "join");
    return new Flow<>(
        input ->
            Future.all(first.evaluation.apply(input), second.evaluation.apply(input))
                .map(
                    both -> {
                      Object a = both.resultAt(0);
                      Object b = both.resultAt(1);
                      return a == FILTERED || b == FILTERED
                          ? FILTERED
                          : join.apply(cast(a), cast(b));
                    }));
  }

  /** Adds a step that maps each item. */
  public <R> Flow<R> then(Function<? super T, ? extends R> step) {
    Objects.requireNonNull(step, "step");
    return next(value -> Future.succeededFuture(step.apply(cast(value))));
  }

  /** Adds an asynchronous step. */
  public <R> Flow<R> thenAsync(Function<? super T, Future<R>> step) {
    Objects.requireNonNull(step, "step");
    return next(value -> nonNull(step.apply(cast(value))).map(r -> (Object) r));
  }

  /** Adds a step that may filter an item out: an empty result ends the request with 204. */
  public <R> Flow<R> thenOptional(Function<? super T, Optional<R>> step) {
    Objects.requireNonNull(step, "step");
    return next(
        value ->
            Future.succeededFuture(
                nonNull(step.apply(cast(value))).<Object>map(r -> r).orElse(FILTERED)));
  }

  /**
   * Runs the whole flow in this JVM: the reference result for the distributed services, and the way
   * to unit-test an app.
   *
   * @param input the request body for a flow that starts with {@link #input(Class)}; ignored
   *     otherwise
   * @return the item the last step produced, or {@code null} when a step filtered it out
   */
  public Future<T> runLocal(Object input) {
    return evaluation.apply(input).map(value -> value == FILTERED ? null : cast(value));
  }

  private <R> Flow<R> next(Function<Object, Future<Object>> step) {
    return new Flow<>(
        input ->
            evaluation
                .apply(input)
                .compose(
                    value ->
                        value == FILTERED
                            ? Future.succeededFuture(FILTERED)
                            : call(() -> step.apply(value))));
  }

  /** Turns an exception thrown by user code into a failed future, as a service would answer it. */
  private static Future<Object> call(Supplier<Future<Object>> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static <V> V nonNull(V value) {
    return Objects.requireNonNull(value, "a service returned null instead of a Future or Optional");
  }

  @SuppressWarnings("unchecked")
  private static <V> V cast(Object value) {
    return (V) value;
  }
}
