package io.dyninka.maven.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.graph.GraphWriter;
import io.dyninka.runtime.launch.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The live page of {@code dyninka:run}: the flow graph with each service's numbers, on a free
 * loopback port. It scrapes every service's {@code /metrics} each second itself, so that rates come
 * from successive scrapes whether or not a page is open, and the page asks only its own origin
 * ({@code /api/stats}): no CORS.
 */
public final class LiveServer implements AutoCloseable {

  static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);
  static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(5);
  static final Duration WINDOW = Duration.ofSeconds(10);

  private final Map<String, URI> metrics;
  private final Map<String, ServiceWindow> windows = new LinkedHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final HttpClient http;
  private final ScheduledExecutorService scraper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dyninka-live-scraper");
            t.setDaemon(true);
            return t;
          });
  private final HttpServer server;
  private final byte[] page;

  private LiveServer(AppManifest manifest, Map<String, URI> serviceUrls, SSLContext tls)
      throws IOException {
    HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
    if (tls != null) {
      client.sslContext(tls);
    }
    this.http = client.build();
    this.metrics = new LinkedHashMap<>();
    serviceUrls.forEach(
        (name, url) -> {
          metrics.put(name, url.resolve("/metrics"));
          windows.put(name, new ServiceWindow(WINDOW));
        });
    this.page = LivePage.html(manifest.app(), GraphWriter.svg(manifest));
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::serve);
  }

  /**
   * Starts the page for the running services ({@code serviceUrls}: each service's base URL, by
   * service name) and its scraping.
   */
  public static LiveServer start(AppManifest manifest, Map<String, URI> serviceUrls)
      throws IOException {
    return start(manifest, serviceUrls, null);
  }

  /** As {@link #start(AppManifest, Map)}, scraping TLS services with {@code tls} if given. */
  public static LiveServer start(AppManifest manifest, Map<String, URI> serviceUrls, SSLContext tls)
      throws IOException {
    LiveServer live = new LiveServer(manifest, serviceUrls, tls);
    live.server.start();
    live.scraper.scheduleWithFixedDelay(
        live::scrapeAll, 0, SCRAPE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    return live;
  }

  /**
   * Starts the page of a running app; a failure to open a loopback port is reported, not thrown:
   * the app runs on without its page.
   */
  public static LiveServer forApp(AppManifest manifest, RunningApp app, Consumer<String> log) {
    return forApp(manifest, app, null, log);
  }

  /**
   * As {@link #forApp(AppManifest, RunningApp, Consumer)}, scraping services that speak TLS with
   * {@code tls}: a certificate of the app's CA, which reads {@code /metrics} of every service.
   */
  public static LiveServer forApp(
      AppManifest manifest, RunningApp app, SSLContext tls, Consumer<String> log) {
    Map<String, URI> urls = new LinkedHashMap<>();
    app.services().forEach(s -> urls.put(s.name(), s.url()));
    try {
      return start(manifest, urls, tls);
    } catch (IOException | RuntimeException e) {
      log.accept("The live page cannot start (" + e + "); the services run on without it.");
      return null;
    }
  }

  /** Where the page is: {@code http://127.0.0.1:<port>/}. */
  public URI url() {
    return URI.create(
        "http://"
            + server.getAddress().getHostString()
            + ":"
            + server.getAddress().getPort()
            + "/");
  }

  /**
   * Scrapes every service at once, and waits for all (each bounded by its timeout) before the next
   * round: one slow service neither delays the others nor piles up requests on itself.
   */
  private void scrapeAll() {
    List<CompletableFuture<Void>> round = new ArrayList<>();
    for (Map.Entry<String, URI> service : metrics.entrySet()) {
      round.add(
          http.sendAsync(
                  HttpRequest.newBuilder(service.getValue()).timeout(SCRAPE_TIMEOUT).build(),
                  HttpResponse.BodyHandlers.ofString())
              .handle((answer, failure) -> record(service.getKey(), answer, failure)));
    }
    CompletableFuture.allOf(round.toArray(CompletableFuture[]::new)).join();
  }

  private Void record(String service, HttpResponse<String> answer, Throwable failure) {
    if (failure != null) {
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      failures.put(service, "GET " + metrics.get(service) + ": " + cause);
    } else if (answer.statusCode() != 200) {
      failures.put(service, "GET /metrics answered " + answer.statusCode());
    } else {
      try {
        windows.get(service).add(Scrape.of(System.nanoTime(), PrometheusText.parse(answer.body())));
        failures.remove(service);
      } catch (RuntimeException e) {
        failures.put(service, e.getMessage());
      }
    }
    return null;
  }

  /** The numbers of every service, as the page reads them. */
  JsonObject stats() {
    JsonArray services = new JsonArray();
    windows.forEach(
        (name, window) -> {
          ServiceStats stats = window.stats(name);
          JsonObject json =
              stats == null
                  ? new JsonObject().put("service", name).put("up", false)
                  : stats.toJson();
          String failure = failures.get(name);
          if (failure != null) {
            json.put("up", false).put("problem", failure);
          }
          services.add(json);
        });
    return new JsonObject().put("windowSeconds", WINDOW.toSeconds()).put("services", services);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "text/plain", "only GET".getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/")) {
        send(exchange, 200, "text/html; charset=utf-8", page);
      } else if (path.equals("/api/stats")) {
        send(exchange, 200, "application/json", stats().encode().getBytes(StandardCharsets.UTF_8));
      } else {
        send(exchange, 404, "text/plain", ("no " + path).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops scraping and serving; the page's open requests get no further answer. */
  @Override
  public void close() {
    scraper.shutdownNow();
    server.stop(0);
  }

  static String resource(String name) {
    try (InputStream in = LiveServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the plugin lacks its resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
