package io.dyninka.it.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.it.UserProject;
import io.dyninka.runtime.state.RedisServer;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn dyninka:run -Ddyninka.replicas=invoice=2 -Ddyninka.stateStore=redis://…} on the orders
 * app: its {@code invoice} service, whose {@code issued} counter numbers invoices, as two JVMs
 * sharing a real Redis.
 */
@DisplayName("mvn dyninka:run with two replicas of a stateful service on Redis")
class RunReplicasIT {

  private static final Pattern ROW =
      Pattern.compile(
          "\\] ([\\w#]+)(?: \\(entry\\))?\\s+(http://127\\.0\\.0\\.1:\\d+)\\s+(\\d+)\\s*$");
  private static final int ORDERS = 120;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  @DisplayName("numbers the invoices of both replicas with no gap or repeat, and Ctrl-C stops all")
  void numbersAcrossReplicas() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      List<String> command = new ArrayList<>();
      command.add(
          Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn").toString());
      command.addAll(List.of("-B", "-o"));
      String repository = System.getProperty("maven.repo.local");
      if (repository != null && !repository.isBlank()) {
        command.add("-Dmaven.repo.local=" + repository);
      }
      command.addAll(
          List.of(
              "dyninka:run",
              "-Ddyninka.replicas=invoice=2",
              "-Ddyninka.stateStore=" + redis.url(),
              "-Ddyninka.run.readinessTimeout=120"));
      Process maven =
          new ProcessBuilder(command)
              .directory(new UserProject("orders").dir.toFile())
              .redirectErrorStream(true)
              .start();
      List<String> output = new CopyOnWriteArrayList<>();
      Map<String, URI> urls = new ConcurrentHashMap<>();
      Map<String, Long> pids = new ConcurrentHashMap<>();
      CompletableFuture<Void> ready = new CompletableFuture<>();
      Thread reader = new Thread(() -> read(maven, output, urls, pids, ready));
      reader.start();
      try {
        ready.get(240, TimeUnit.SECONDS);
        assertThat(urls).as(String.join("\n", output)).containsKeys("invoice", "invoice#2");
        assertThat(pids.get("invoice")).isNotEqualTo(pids.get("invoice#2"));

        assertThat(numbers(List.of(urls.get("invoice"), urls.get("invoice#2"))))
            .as(String.join("\n", output))
            .containsExactlyElementsOf(LongStream.rangeClosed(1, ORDERS).boxed().toList());
        assertThat(output).anyMatch(line -> line.contains("[invoice#2] "));

        new ProcessBuilder("kill", "-INT", Long.toString(maven.pid())).start().waitFor();
        assertThat(maven.waitFor(60, TimeUnit.SECONDS)).as("maven exits after Ctrl-C").isTrue();
        for (long pid : pids.values()) {
          ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
          assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
              .as("service pid %d", pid)
              .isEmpty();
        }
      } finally {
        maven.destroyForcibly();
        reader.join(10_000);
      }
    }
  }

  /** The invoice numbers of ORDERS orders sent, eight at a time, to the replicas in turn. */
  private List<Long> numbers(List<URI> replicas) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int i = 0; i < ORDERS; i++) {
        int index = i;
        URI replica = replicas.get(i % replicas.size());
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

  private long invoiceNumber(URI replica, int i) throws Exception {
    String order =
        new JsonObject()
            .put("id", "o-" + i)
            .put("quantity", 1 + i % 5)
            .put("unitPrice", 2.5)
            .put("country", "FR")
            .encode();
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(replica.resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(order))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonObject invoice = new JsonObject(answer.body());
    assertThat(invoice.getString("id")).isEqualTo("o-" + i);
    return invoice.getLong("number");
  }

  private static void read(
      Process maven,
      List<String> output,
      Map<String, URI> urls,
      Map<String, Long> pids,
      CompletableFuture<Void> ready) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
        Matcher row = ROW.matcher(line);
        if (row.find()) {
          urls.put(row.group(1), URI.create(row.group(2)));
          pids.put(row.group(1), Long.parseLong(row.group(3)));
        }
        if (line.contains("Entry: ")) {
          ready.complete(null);
        }
      }
      ready.completeExceptionally(
          new AssertionError(
              "dyninka:run ended before it was ready:\n" + String.join("\n", output)));
    } catch (Exception e) {
      ready.completeExceptionally(e);
    }
  }
}
