package io.dyninka.manifest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
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
 * @param shares the shared steps it pulls once per request, first, and hands to its branches: it is
 *     their nearest common downstream (upstream first; empty for a service of a chain or tree)
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
    boolean idempotent,
    List<String> shares) {

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
    shares = shares == null ? List.of() : List.copyOf(shares);
  }

  /** A service that shares no step: the form of every service of a chain or a tree. */
  public ServiceManifest(
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
    this(
        name,
        kubeName,
        mainClass,
        inputs,
        output,
        kind,
        placed,
        stateful,
        blocking,
        idempotent,
        List.of());
  }

  /**
   * A builder of a service manifest named {@code name}: the one way tests and tools write a
   * manifest by hand, so that a new field never means a new positional argument everywhere. Its
   * defaults: kube name the kebab-case of {@code name}, main class {@code <Name>Service} in no
   * package, no inputs, output {@code java.lang.String}, {@link Kind#VALUE}, stateless.
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link ServiceManifest}; see {@link ServiceManifest#builder(String)}. */
  public static final class Builder {
    private final String name;
    private String kubeName;
    private String mainClass;
    private final List<InputManifest> inputs = new ArrayList<>();
    private String output = "java.lang.String";
    private Kind kind = Kind.VALUE;
    private final List<String> placed = new ArrayList<>();
    private boolean stateful;
    private boolean blocking;
    private boolean idempotent;
    private final List<String> shares = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
      this.kubeName =
          name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
      this.mainClass = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Service";
    }

    public Builder kubeName(String value) {
      this.kubeName = value;
      return this;
    }

    public Builder mainClass(String value) {
      this.mainClass = value;
      return this;
    }

    /** An input pulled from the upstream service {@code from}, of JSON type {@code type}. */
    public Builder input(String from, String type) {
      inputs.add(new InputManifest(from, type));
      return this;
    }

    /** An input taken from the client's request body ({@code Flow.input}). */
    public Builder bodyInput(String type) {
      inputs.add(new InputManifest(null, type));
      return this;
    }

    public Builder inputs(List<InputManifest> values) {
      inputs.addAll(values);
      return this;
    }

    public Builder output(String type) {
      this.output = type;
      return this;
    }

    public Builder kind(Kind value) {
      this.kind = value;
      return this;
    }

    /** Placed fields, as {@code Class#field}; a service that owns any is stateful. */
    public Builder placed(String... fields) {
      placed.addAll(List.of(fields));
      stateful = !placed.isEmpty();
      return this;
    }

    public Builder stateful(boolean value) {
      this.stateful = value;
      return this;
    }

    public Builder blocking(boolean value) {
      this.blocking = value;
      return this;
    }

    public Builder idempotent(boolean value) {
      this.idempotent = value;
      return this;
    }

    /** Shared steps this service pulls once per request and hands to its branches. */
    public Builder shares(String... services) {
      shares.addAll(List.of(services));
      return this;
    }

    public ServiceManifest build() {
      return new ServiceManifest(
          name,
          kubeName,
          mainClass,
          inputs,
          output,
          kind,
          placed,
          stateful,
          blocking,
          idempotent,
          shares);
    }
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
    JsonObject json =
        new JsonObject()
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
    // Written only when there is one, so that the manifest of a chain or a tree stays as it was.
    if (!shares.isEmpty()) {
      json.put("shares", new JsonArray(List.copyOf(shares)));
    }
    return json;
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
        json.getBoolean("idempotent", false),
        json.getJsonArray("shares", new JsonArray()).stream().map(String::valueOf).toList());
  }
}
