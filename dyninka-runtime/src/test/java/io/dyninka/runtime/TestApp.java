package io.dyninka.runtime;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.manifest.ServiceManifest.Kind;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A small app described in a test, with every service really listening on loopback. */
final class TestApp implements AutoCloseable {

  private final String name;
  private final List<ServiceManifest> services = new ArrayList<>();
  private final Map<String, ServiceFunction> functions = new LinkedHashMap<>();
  private final Map<String, ServiceHost> hosts = new LinkedHashMap<>();
  private final Map<String, String> extraPeers = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private Duration timeout = Duration.ofSeconds(5);
  private final Map<String, String> settings = new LinkedHashMap<>();
  private String colocate;
  private Vertx vertx;

  TestApp(String name) {
    this.name = name;
  }

  TestApp service(
      String service, String output, Kind kind, ServiceFunction function, InputManifest... inputs) {
    return add(service, output, kind, false, false, function, inputs);
  }

  TestApp add(
      String service,
      String output,
      Kind kind,
      boolean stateful,
      boolean blocking,
      ServiceFunction function,
      InputManifest... inputs) {
    ServiceManifest.Builder manifest =
        ServiceManifest.builder(service)
            .kubeName(service.toLowerCase())
            .mainClass("x." + service)
            .inputs(List.of(inputs))
            .output(output)
            .kind(kind)
            .blocking(blocking);
    if (stateful) {
      manifest.placed("x.App#state");
    }
    services.add(manifest.build());
    functions.put(service, function);
    return this;
  }

  /** Makes {@code service} the common downstream that pulls the shared {@code steps} once. */
  TestApp shares(String service, String... steps) {
    for (int i = 0; i < services.size(); i++) {
      ServiceManifest s = services.get(i);
      if (s.name().equals(service)) {
        services.set(
            i,
            new ServiceManifest(
                s.name(),
                s.kubeName(),
                s.mainClass(),
                s.inputs(),
                s.output(),
                s.kind(),
                s.placed(),
                s.stateful(),
                s.blocking(),
                s.idempotent(),
                List.of(steps)));
      }
    }
    return this;
  }

  static InputManifest from(String service, String type) {
    return new InputManifest(service, type);
  }

  static InputManifest body(String type) {
    return new InputManifest(null, type);
  }

  /** A setting every service of this app starts with, by its environment name. */
  TestApp setting(String name, String value) {
    settings.put(name, value);
    return this;
  }

  /**
   * Puts services in groups as {@code -Ddyninka.colocate} does: members call each other directly.
   */
  TestApp colocate(String spec) {
    this.colocate = spec;
    return this;
  }

  TestApp timeout(Duration value) {
    this.timeout = value;
    return this;
  }

  /** Points a peer at an address of the test's choosing instead of starting it. */
  TestApp peer(String service, String url) {
    extraPeers.put(service, url);
    return this;
  }

  AppManifest manifest() {
    return new AppManifest(name, "x.App", services, services.get(services.size() - 1).name());
  }

  /** Starts every service head first, so each one knows where its upstreams listen. */
  TestApp start() {
    if (vertx == null) {
      vertx = Vertx.vertx();
    }
    AppManifest manifest = manifest();
    Placement placement = Placement.parse(colocate, manifest);
    Map<Placement.Group, ColocatedServices> groups = new LinkedHashMap<>();
    for (Placement.Group group : placement.groups()) {
      if (group.members().size() > 1) {
        groups.put(group, new ColocatedServices(group.members()));
      }
    }
    Map<String, String> peers = new LinkedHashMap<>(extraPeers);
    for (ServiceManifest service : services) {
      if (extraPeers.containsKey(service.name())) {
        continue;
      }
      Map<String, String> env = new LinkedHashMap<>(settings);
      env.put("DYNINKA_TIMEOUT_MS", Long.toString(timeout.toMillis()));
      env.put("DYNINKA_PEERS", peersSpec(peers));
      HostConfig config = HostConfig.defaults(env);
      ServiceHost host =
          ServiceHost.start(
                  vertx,
                  manifest,
                  service.name(),
                  functions.get(service.name()),
                  config,
                  2,
                  groups.get(placement.groupOf(service.name())))
              .await();
      hosts.put(service.name(), host);
      peers.put(service.name(), "http://127.0.0.1:" + host.port());
    }
    return this;
  }

  private static String peersSpec(Map<String, String> peers) {
    return peers.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /** A plain Vert.x server on loopback, for upstreams that misbehave on purpose. */
  int startRaw(io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> handler) {
    if (vertx == null) {
      vertx = Vertx.vertx();
    }
    return vertx
        .createHttpServer()
        .requestHandler(handler)
        .listen(0, "127.0.0.1")
        .await()
        .actualPort();
  }

  ServiceHost host(String service) {
    return hosts.get(service);
  }

  URI uri(String service, String path) {
    return URI.create("http://127.0.0.1:" + hosts.get(service).port() + path);
  }

  HttpResponse<String> get(String service, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(service, "/")).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String service, String contentType, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri(service, "/"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    if (vertx != null) {
      vertx.close().await();
    }
  }
}
