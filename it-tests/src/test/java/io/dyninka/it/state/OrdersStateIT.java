package io.dyninka.it.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.AppManifest;
import io.dyninka.runtime.launch.LocalLauncher;
import io.dyninka.runtime.launch.RunningApp;
import io.dyninka.runtime.state.RedisServer;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The orders app, built by a real Maven run, with its {@code invoice} service (whose {@code issued}
 * counter numbers invoices) as two replicas sharing a real Redis.
 */
@DisplayName("The orders app with its invoice counter in Redis")
class OrdersStateIT {

  private final Path project =
      Path.of(System.getProperty("it.projects", "target/it"), "orders").toAbsolutePath();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private List<Path> classpath() throws Exception {
    List<Path> entries = new ArrayList<>();
    entries.add(project.resolve("target/classes"));
    Arrays.stream(
            Files.readString(project.resolve("target/classpath.txt"))
                .trim()
                .split(File.pathSeparator))
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .forEach(entries::add);
    return entries;
  }

  private RunningApp start(RedisServer redis, int replicas) throws Exception {
    AppManifest manifest =
        AppManifest.decode(
            Files.readString(
                project.resolve("target/classes").resolve(AppManifest.resourcePath("orders"))));
    return LocalLauncher.builder()
        .classpath(classpath())
        .environment(Map.of("DYNINKA_STATE_STORE", redis.url()))
        .replicas("invoice", replicas)
        .logSink(line -> {})
        .readinessTimeout(Duration.ofSeconds(90))
        .build()
        .start(manifest);
  }

  private long invoiceNumber(URI invoice, int i) {
    String order =
        new JsonObject()
            .put("id", "o-" + i)
            .put("quantity", 1 + i % 5)
            .put("unitPrice", 2.5)
            .put("country", "FR")
            .encode();
    HttpRequest request =
        HttpRequest.newBuilder(invoice.resolve("/"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(order))
            .build();
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonObject invoiceJson = new JsonObject(answer.body());
      assertThat(invoiceJson.getString("id")).isEqualTo("o-" + i);
      return invoiceJson.getLong("number");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Long> numbers(RunningApp app, int from, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int i = from; i < from + count; i++) {
        int index = i;
        URI replica = app.url(index % 2 == 0 ? "invoice" : "invoice#2");
        futures.add(pool.submit(() -> invoiceNumber(replica, index)));
      }
      List<Long> numbers = new ArrayList<>();
      for (Future<Long> future : futures) {
        numbers.add(future.get());
      }
      return numbers.stream().sorted().toList();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("numbers invoices with no gap or repeat across two replicas, and on after a restart")
  void numbersAcrossReplicasAndRestarts() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      try (RunningApp app = start(redis, 2)) {
        assertThat(numbers(app, 0, 120))
            .containsExactlyElementsOf(LongStream.rangeClosed(1, 120).boxed().toList());
      }
      try (RunningApp app = start(redis, 2)) {
        assertThat(numbers(app, 120, 40))
            .containsExactlyElementsOf(LongStream.rangeClosed(121, 160).boxed().toList());
      }
    }
  }
}
