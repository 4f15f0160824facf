package io.dyninka.it.observe;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * A real Prometheus (Debian's package), on a free loopback port with its own config and storage in
 * a temporary directory, scraping the given targets every second.
 */
final class Prometheus implements AutoCloseable {

  private static final Path EXECUTABLE = Path.of("/usr/bin/prometheus");

  private final Path dir;
  private final Process process;
  private final URI url;
  private final HttpClient http = HttpClient.newHttpClient();

  private Prometheus(Path dir, Process process, URI url) {
    this.dir = dir;
    this.process = process;
    this.url = url;
  }

  /** Fails, never skips, when Prometheus is missing: the test would prove nothing without it. */
  static void requireInstalled() {
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new AssertionError(
          "Prometheus is not installed at "
              + EXECUTABLE
              + ": install Debian's 'prometheus' package (scripts/test-setup.sh does)");
    }
  }

  /** Starts it scraping {@code host:port} targets under the job {@code job}, and waits for it. */
  static Prometheus scraping(String job, List<String> targets) throws Exception {
    requireInstalled();
    Path dir = Files.createTempDirectory("dyninka-prometheus");
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: %s
            metrics_path: /metrics
            static_configs:
              - targets: [%s]
        """
            .formatted(
                job, targets.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "))));
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                EXECUTABLE.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    Prometheus prometheus = new Prometheus(dir, process, URI.create("http://127.0.0.1:" + port));
    prometheus.awaitReady();
    return prometheus;
  }

  private void awaitReady() throws Exception {
    for (int attempt = 0; attempt < 300; attempt++) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "Prometheus exited with "
                + process.exitValue()
                + ": "
                + Files.readString(dir.resolve("prometheus.log")));
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Prometheus was not ready within 60 s at " + url);
  }

  /** The value of an instant PromQL query with one series, if it has one. */
  OptionalDouble value(String promql) throws Exception {
    HttpResponse<String> answer =
        get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    JsonObject body = new JsonObject(answer.body());
    if (answer.statusCode() != 200 || !"success".equals(body.getString("status"))) {
      throw new AssertionError("Prometheus refused " + promql + ": " + answer.body());
    }
    JsonArray result = body.getJsonObject("data").getJsonArray("result");
    if (result.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(
        Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1)));
  }

  /** The health of each target, as {@code /api/v1/targets} reports it. */
  String targets() throws Exception {
    return get("/api/v1/targets").body();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
