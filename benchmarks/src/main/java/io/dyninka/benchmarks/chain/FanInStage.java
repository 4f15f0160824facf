package io.dyninka.benchmarks.chain;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.function.Function;

/**
 * One function of a flow with a request body and fan-ins, as a baseline service runs it.
 *
 * @param name the service name, the same as in the Dyninka app
 * @param stateful whether the function keeps state between calls, so its service runs one instance
 * @param upstreams the services it pulls, concurrently, in the order of the function's parameters;
 *     empty for a head, which reads the request body
 * @param function takes the upstreams' JSON answers (for a head: the request body, alone in the
 *     list) and returns the JSON answer, or {@code null} when the item is filtered out (204)
 */
public record FanInStage(
    String name,
    boolean stateful,
    List<String> upstreams,
    Function<List<Buffer>, Buffer> function) {

  public boolean head() {
    return upstreams.isEmpty();
  }
}
