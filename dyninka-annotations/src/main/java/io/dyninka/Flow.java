package io.dyninka;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A typed chain of {@link Service} functions: the dataflow of a Dyninka app.
 *
 * <p>Because a chain is ordinary, type-checked Java, javac rejects an ill-typed chain before the
 * annotation processor reads it. At build time each step becomes its own HTTP service that pulls
 * its inputs from its upstream steps; {@link #runLocal(Object)} runs the same chain in this JVM,
 * which makes it the reference result for the distributed one, and {@link #runLocalAndWait(Object,
 * Duration)} is the form for unit tests: it waits, and says apart a filtered item from a value.
 *
 * @param <T> the type of the items this flow produces
 */
public final class Flow<T> {

  /** Marks an item that a {@link #thenOptional} step filtered out; never reaches user code. */
  private static final Object FILTERED = new Object();

  /**
   * Runs the flow for one {@link Run}: the request body and the hop it is run with (evaluations
   * pass the run on to their upstreams unchanged).
   */
  private final Function<Run, Future<Object>> evaluation;

  /**
   * What a value becomes on its way from one service to the next: in a deployed app, JSON written
   * by the producer and read by the consumer. {@link #runLocal(Object, Hop)} passes every value
   * through it (each step's output, the request body and the answer), so that a runtime's JSON
   * codec can make the local run a true reference for the distributed one: a value that does not
   * survive JSON gives the same outcome locally as distributed. Dyninka's runtime implements it as
   * {@code io.dyninka.runtime.JsonRoundTrip}.
   */
  @FunctionalInterface
  public interface Hop {
    /** Passes values as they are: {@link #runLocal(Object)}. */
    Hop NONE = value -> value;

    /**
     * The value the next step receives for {@code value} ({@code null} stays {@code null}).
     *
     * @throws RuntimeException when {@code value} cannot travel, as the producing service fails
     */
    Object carry(Object value);
  }

  private Flow(Function<Run, Future<Object>> evaluation) {
    this.evaluation = evaluation;
  }

  /**
   * One run of a flow: its input, how values travel between steps, and the outcome of each sub-flow
   * evaluated so far. A sub-flow held in a variable and used twice is evaluated once per run, so
   * its steps run once per input, as the distributed services run a shared step once per request.
   * The evaluation of the sub-flows happens on the caller's thread, while the futures are put
   * together, so the map needs no lock.
   */
  private record Run(Object input, Hop hop, Map<Flow<?>, Future<Object>> outcomes) {
    Run(Object input, Hop hop) {
      this(input, hop, new IdentityHashMap<>());
    }
  }

  private Future<Object> evaluate(Run run) {
    Future<Object> outcome = run.outcomes().get(this);
    if (outcome == null) {
      outcome = evaluation.apply(run);
      run.outcomes().put(this, outcome);
    }
    return outcome;
  }

  /** A flow whose head is a service with no input, such as a sensor reader. */
  public static <R> Flow<R> from(Supplier<R> source) {
    Objects.requireNonNull(source, "source");
    return new Flow<>(run -> call(() -> Future.succeededFuture(source.get())));
  }

  /** A flow whose head is an asynchronous service with no input. */
  public static <R> Flow<R> fromAsync(Supplier<Future<R>> source) {
    Objects.requireNonNull(source, "source");
    return new Flow<>(run -> call(() -> nonNull(source.get()).map(r -> (Object) r)));
  }

  /**
   * A flow whose head is the request itself: the HTTP body (JSON) of the client's request becomes
   * the input of the first step.
   *
   * <p>In {@link #runLocal}, an input of {@code type} (or {@code null}) is passed as it is; a
   * {@link JsonObject} or a JSON string is converted to {@code type} as the service would decode
   * the request body (with Jackson, which must then be on the class path for types other than
   * {@code JsonObject}, strings, numbers and booleans); any other input fails the run with an
   * {@link IllegalArgumentException} naming {@code type}.
   */
  public static <R> Flow<R> input(Class<R> type) {
    Objects.requireNonNull(type, "type");
    return new Flow<>(run -> call(() -> Future.succeededFuture(convert(run.input(), type))));
  }

  /** Fan-in: the service gets the items of two flows, fetched from their upstreams concurrently. */
  public static <A, B, R> Flow<R> zip(
      Flow<A> first, Flow<B> second, BiFunction<? super A, ? super B, ? extends R> join) {
    Objects.requireNonNull(join, "join");
    return new Flow<>(
        run ->
            Future.all(first.evaluate(run), second.evaluate(run))
                .map(
                    both -> {
                      Object a = both.resultAt(0);
                      Object b = both.resultAt(1);
                      Hop hop = run.hop();
                      return a == FILTERED || b == FILTERED
                          ? FILTERED
                          : join.apply(cast(hop.carry(a)), cast(hop.carry(b)));
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
    return runLocal(input, Hop.NONE);
  }

  /**
   * Runs the whole flow in this JVM as {@link #runLocal(Object)} does, passing every value that
   * would travel between services through {@code hop}: each step's output on its way to the next,
   * the request body, and the answer to the client.
   *
   * @param hop what a value becomes between two services; {@link Hop#NONE} for none
   */
  public Future<T> runLocal(Object input, Hop hop) {
    return evaluate(input, hop).map(value -> value == FILTERED ? null : cast(value));
  }

  /** The outcome of the whole flow, the answer carried by {@code hop}, or {@link #FILTERED}. */
  private Future<Object> evaluate(Object input, Hop hop) {
    Objects.requireNonNull(hop, "hop");
    return evaluate(new Run(input, hop))
        .map(value -> value == FILTERED ? FILTERED : hop.carry(value));
  }

  /**
   * Runs the whole flow in this JVM, as {@link #runLocal} does, and waits for its outcome: the form
   * for unit tests. Unlike {@code runLocal(input).result()}, it cannot mistake a pending async step
   * or a filtered item for a {@code null} value: {@link Result#filtered()} says whether a {@link
   * #thenOptional} step filtered the item out, and {@link Result#value()} is the item otherwise.
   *
   * <p>Call it from a test's thread, not from a Vert.x event loop, which it would block.
   *
   * @param input as for {@link #runLocal}
   * @param timeout how long to wait for the last step
   * @return the outcome of the flow
   * @throws RuntimeException the exception a step failed with, as it was thrown (one that is not a
   *     {@code RuntimeException} or an {@code Error} comes wrapped in a {@link
   *     CompletionException})
   * @throws IllegalStateException when the flow did not finish within {@code timeout} (its cause is
   *     a {@link TimeoutException}), or when called on an event loop
   */
  public Result<T> runLocalAndWait(Object input, Duration timeout) {
    return runLocalAndWait(input, timeout, Hop.NONE);
  }

  /**
   * Runs the whole flow as {@link #runLocalAndWait(Object, Duration)} does, passing every value
   * that would travel between services through {@code hop}, as {@link #runLocal(Object, Hop)}.
   */
  public Result<T> runLocalAndWait(Object input, Duration timeout, Hop hop) {
    Objects.requireNonNull(timeout, "timeout");
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException(
          "runLocalAndWait blocks its thread: call it from a test thread, not an event loop");
    }
    Future<Object> outcome = evaluate(input, hop);
    Object value;
    try {
      value =
          outcome
              .toCompletionStage()
              .toCompletableFuture()
              .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "The flow did not finish within " + timeout + ": a step's Future is still pending", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the flow", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new CompletionException(cause);
    }
    return value == FILTERED ? Result.filteredOut() : Result.of(cast(value));
  }

  /**
   * The outcome of a flow run by {@link #runLocalAndWait}: either a step filtered the item out, or
   * the last step produced a value, which may be {@code null}.
   *
   * @param <T> the type of the flow's items
   */
  public static final class Result<T> {
    private static final Result<?> FILTERED_OUT = new Result<>(true, null);

    private final boolean filtered;
    private final T value;

    private Result(boolean filtered, T value) {
      this.filtered = filtered;
      this.value = value;
    }

    static <T> Result<T> of(T value) {
      return new Result<>(false, value);
    }

    @SuppressWarnings("unchecked")
    static <T> Result<T> filteredOut() {
      return (Result<T>) FILTERED_OUT;
    }

    /** Whether a {@link #thenOptional} step filtered the item out (the service answers 204). */
    public boolean filtered() {
      return filtered;
    }

    /**
     * The item the last step produced.
     *
     * @throws NoSuchElementException when the item was filtered out
     */
    public T value() {
      if (filtered) {
        throw new NoSuchElementException("The flow filtered the item out; it has no value");
      }
      return value;
    }

    /** The value, or empty when the item was filtered out or the value is {@code null}. */
    public Optional<T> toOptional() {
      return filtered ? Optional.empty() : Optional.ofNullable(value);
    }

    @Override
    public String toString() {
      return filtered ? "Result[filtered]" : "Result[" + value + "]";
    }
  }

  /**
   * The input of a {@link #input(Class)} head as {@code type}: itself when it is one, else decoded
   * from a {@link JsonObject} or a JSON string, as the service decodes its request body.
   */
  private static Object convert(Object input, Class<?> type) {
    if (input == null || box(type).isInstance(input)) {
      return input;
    }
    String expected = type.getName().replace('$', '.');
    if (!(input instanceof JsonObject) && !(input instanceof String)) {
      throw new IllegalArgumentException(
          "runLocal: Flow.input("
              + type.getSimpleName()
              + ".class) takes a "
              + expected
              + ", a JsonObject or a JSON string, not a "
              + input.getClass().getName().replace('$', '.'));
    }
    try {
      if (input instanceof JsonObject json) {
        return json.mapTo(type);
      }
      String text = (String) input;
      if (type == JsonObject.class) {
        return new JsonObject(text);
      }
      return type == JsonArray.class ? new JsonArray(text) : Json.decodeValue(text, type);
    } catch (DecodeException | IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException(
          "runLocal: cannot convert the "
              + (input instanceof JsonObject ? "JsonObject" : "JSON string")
              + " input to "
              + expected
              + ", the input type of Flow.input("
              + type.getSimpleName()
              + ".class): "
              + e.getMessage(),
          e);
    }
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return switch (type.getName()) {
      case "boolean" -> Boolean.class;
      case "byte" -> Byte.class;
      case "short" -> Short.class;
      case "char" -> Character.class;
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "float" -> Float.class;
      case "double" -> Double.class;
      default -> Void.class;
    };
  }

  private <R> Flow<R> next(Function<Object, Future<Object>> step) {
    return new Flow<>(
        run ->
            evaluate(run)
                .compose(
                    value ->
                        value == FILTERED
                            ? Future.succeededFuture(FILTERED)
                            : call(() -> step.apply(run.hop().carry(value)))));
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
