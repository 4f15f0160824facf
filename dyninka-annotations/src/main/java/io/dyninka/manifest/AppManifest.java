package io.dyninka.manifest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The app manifest, {@code META-INF/dyninka/<app>.json}: what the processor learnt from the
 * sources, and the only thing that running, packaging and deploying read.
 *
 * @param app the app name, a DNS-1035 label
 * @param source the fully qualified class that declares the {@code @Dataflow} method
 * @param services every service of the app, head first
 * @param sink the name of the last service: the one clients call
 */
public record AppManifest(String app, String source, List<ServiceManifest> services, String sink) {

  /** Where the manifest of {@code app} lives in the class output and on the class path. */
  public static String resourcePath(String app) {
    return "META-INF/dyninka/" + app + ".json";
  }

  public AppManifest {
    services = List.copyOf(services);
  }

  /**
   * An app of {@code services}, head first, whose sink is the last of them: for tests and tools
   * that describe an app by hand.
   */
  public static AppManifest of(String app, String source, ServiceManifest... services) {
    return new AppManifest(app, source, List.of(services), services[services.length - 1].name());
  }

  public Optional<ServiceManifest> service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The service clients call. */
  public ServiceManifest sinkService() {
    return service(sink)
        .orElseThrow(
            () -> new IllegalStateException("manifest of " + app + " has no sink " + sink));
  }

  /** The services that pull from {@code name}: the only callers it needs to admit. */
  public List<ServiceManifest> downstreamOf(String name) {
    return services.stream()
        .filter(s -> s.inputs().stream().anyMatch(i -> name.equals(i.from())))
        .toList();
  }

  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    services.forEach(s -> list.add(s.toJson()));
    return new JsonObject()
        .put("app", app)
        .put("source", source)
        .put("services", list)
        .put("sink", sink);
  }

  /** The manifest as written to disk: pretty, with a stable field order and a final newline. */
  public String encode() {
    return toJson().encodePrettily() + "\n";
  }

  public static AppManifest fromJson(JsonObject json) {
    JsonArray list = json.getJsonArray("services", new JsonArray());
    List<ServiceManifest> services =
        list.stream().map(o -> ServiceManifest.fromJson((JsonObject) o)).toList();
    return new AppManifest(
        json.getString("app"), json.getString("source"), services, json.getString("sink"));
  }

  /** Parses a manifest, failing with a message that names what is wrong. */
  public static AppManifest decode(String text) {
    try {
      return fromJson(new JsonObject(text));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a Dyninka app manifest: " + e.getMessage(), e);
    }
  }
}
