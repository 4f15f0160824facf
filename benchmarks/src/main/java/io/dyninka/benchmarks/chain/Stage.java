package io.dyninka.benchmarks.chain;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.function.Function;

/**
 * One function of the chain as a baseline service runs it: JSON in, JSON out.
 *
 * @param name the service name, the same as in the Dyninka app
 * @param stateful whether the function keeps state between calls, so its service runs one instance
 *     and its calls never overlap, as Dyninka does for {@code @Placed} state
 * @param function takes the upstream's JSON answer ({@code null} for the head) and completes with
 *     the JSON answer, or with {@code null} when the item is filtered out (204)
 */
public record Stage(String name, boolean stateful, Function<Buffer, Future<Buffer>> function) {

  /** Runs the function; a throw becomes a failed future, as an exception in a handler should. */
  public Future<Buffer> apply(Buffer input) {
    try {
      return function.apply(input);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
