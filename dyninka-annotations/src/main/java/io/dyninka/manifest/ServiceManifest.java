package io.dyninka.manifest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One service of an app manifest.
 *
 * @param name the service name (the method name, or {@code @Service(name=…)})
 * @param kubeName its kebab-case form: the DNS name of the service in a cluster
 * @param mainClass the generated class that starts it
 * @param inputs its inputs in parameter order, each pulled from an upstream service or taken from
 *     the request body
 * @param output the JSON type of its answer ({@code Future} and {@code Optional} unwrapped)
 * @param kind how the function answers
 * @param placed the {@code @Placed} fields it owns, as {@code Class#field}
 * @param stateful whether it owns placed state, and so runs its invocations one at a time
 * @param blocking whether it runs on worker threads
 * @param idempotent whether a pull from it may be retried after it started processing
 */
public record ServiceManifest(
    String name,
    String kubeName,
    String mainClass,
    List<InputManifest> inputs,
    String output,
    Kind kind,
    List<String> placed,
    boolean stateful,
    boolean blocking,
    boolean idempotent) {

  /** How a service function answers. */
  public enum Kind {
    /** Returns its output directly. */
    VALUE,
    /** Returns a {@code Future} of its output. */
    ASYNC,
    /** Returns an {@code Optional}; empty filters the item out (204). */
    OPTIONAL
  }

  public ServiceManifest {
    inputs = List.copyOf(inputs);
    placed = List.copyOf(placed);
  }

  /** A service that is not declared idempotent. */
  public ServiceManifest(
      String name,
      String kubeName,
      String mainClass,
      List<InputManifest> inputs,
      String output,
      Kind kind,
      List<String> placed,
      boolean stateful,
      boolean blocking) {
    this(name, kubeName, mainClass, inputs, output, kind, placed, stateful, blocking, false);
  }

  /** The upstream inputs: those pulled from another service rather than taken from the body. */
  public List<InputManifest> upstreamInputs() {
    return inputs.stream().filter(i -> i.from() != null).toList();
  }

  /** Whether this service is a head that reads the client's request body. */
  public boolean readsRequestBody() {
    return inputs.stream().anyMatch(i -> i.from() == null);
  }

  public JsonObject toJson() {
    JsonArray in = new JsonArray();
    inputs.forEach(i -> in.add(i.toJson()));
    return new JsonObject()
        .put("name", name)
        .put("kubeName", kubeName)
        .put("mainClass", mainClass)
        .put("inputs", in)
        .put("output", output)
        .put("kind", kind.name())
        .put("placed", new JsonArray(List.copyOf(placed)))
        .put("stateful", stateful)
        .put("blocking", blocking)
        .put("idempotent", idempotent);
  }

  public static ServiceManifest fromJson(JsonObject json) {
    List<InputManifest> inputs =
        json.getJsonArray("inputs", new JsonArray()).stream()
            .map(o -> InputManifest.fromJson((JsonObject) o))
            .toList();
    List<String> placed =
        json.getJsonArray("placed", new JsonArray()).stream().map(String::valueOf).toList();
    return new ServiceManifest(
        json.getString("name"),
        json.getString("kubeName"),
        json.getString("mainClass"),
        inputs,
        json.getString("output"),
        Kind.valueOf(json.getString("kind", Kind.VALUE.name())),
        placed,
        json.getBoolean("stateful", false),
        json.getBoolean("blocking", false),
        json.getBoolean("idempotent", false));
  }
}
