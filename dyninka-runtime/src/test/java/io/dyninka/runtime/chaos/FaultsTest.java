package io.dyninka.runtime.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The chaos app source → twice → sink, each service a real JVM on loopback. */
@DisplayName("A chain of service JVMs under faults")
class FaultsTest {

  private final List<ServiceJvm> jvms = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void stopAll() throws InterruptedException {
    for (ServiceJvm jvm : jvms) {
      jvm.close();
    }
  }

  private ServiceJvm jvm(String service, int port, Map<String, String> env, String... flags) {
    ServiceJvm jvm = new ServiceJvm("chaos", service, port, env, flags);
    jvms.add(jvm);
    return jvm;
  }

  private HttpResponse<String> call(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + "/")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends requests from {@code workers} threads until stopped; counts answers by status. */
  private final class Load implements AutoCloseable {
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicBoolean running = new AtomicBoolean(true);
    final ExecutorService pool;
    final List<Future<?>> workers = new ArrayList<>();

    Load(String url, int threads) {
      pool = Executors.newFixedThreadPool(threads);
      for (int i = 0; i < threads; i++) {
        workers.add(
            pool.submit(
                () -> {
                  while (running.get()) {
                    try {
                      HttpResponse<String> answer = call(url);
                      statuses
                          .computeIfAbsent(answer.statusCode(), s -> new AtomicInteger())
                          .incrementAndGet();
                      if (answer.statusCode() != 200
                          && !answer
                              .headers()
                              .firstValue("content-type")
                              .orElse("")
                              .equals("application/problem+json")) {
                        unexpected.add(answer.statusCode() + " " + answer.body());
                      }
                    } catch (Exception e) {
                      unexpected.add(e.toString());
                    }
                  }
                  return null;
                }));
      }
    }

    /** Waits, at most 60 s, until {@code condition} holds: the machine may be slow. */
    void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }

    int count(int status) {
      return statuses.getOrDefault(status, new AtomicInteger()).get();
    }

    int total() {
      return statuses.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() throws Exception {
      running.set(false);
      for (Future<?> worker : workers) {
        worker.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
  }

  @Test
  @DisplayName(
      "killing an upstream mid-load gives 502/503 problems on time, and a restart heals the chain alone")
  void killAndRestartUpstream() throws Exception {
    int sourcePort = ServiceJvm.freePort();
    int twicePort = ServiceJvm.freePort();
    ServiceJvm source = jvm("source", sourcePort, Map.of()).start();
    ServiceJvm twice =
        jvm("twice", twicePort, Map.of("DYNINKA_PEERS", "source=" + source.url())).start();
    ServiceJvm sink =
        jvm(
                "sink",
                ServiceJvm.freePort(),
                Map.of("DYNINKA_PEERS", "twice=" + twice.url(), "DYNINKA_TIMEOUT_MS", "2000"))
            .start();

    Load load = new Load(sink.url(), 4);
    load.awaitUntil(() -> load.count(200) >= 50);
    twice.kill();
    load.awaitUntil(() -> load.count(502) + load.count(503) >= 50);
    load.close();

    assertThat(load.count(200)).isPositive();
    assertThat(load.count(502) + load.count(503)).isPositive();
    assertThat(load.total())
        .as("answers by status %s", load.statuses)
        .isEqualTo(load.count(200) + load.count(502) + load.count(503));
    assertThat(load.unexpected).isEmpty();

    ServiceJvm again =
        jvm("twice", twicePort, Map.of("DYNINKA_PEERS", "source=" + source.url())).start();
    int status = 0;
    for (int i = 0; i < 100 && status != 200; i++) {
      status = call(sink.url()).statusCode();
      if (status != 200) {
        Thread.sleep(100);
      }
    }
    assertThat(status).as("sink answers again once twice is back").isEqualTo(200);
    assertThat(sink.alive()).isTrue();
    assertThat(source.alive()).isTrue();
    assertThat(again.alive()).isTrue();
  }

  @Test
  @DisplayName("a slow upstream gives 504 when the timeout passes, not when the upstream answers")
  void slowUpstreamIs504() throws Exception {
    ServiceJvm source =
        jvm("source", ServiceJvm.freePort(), Map.of(), "-Dchaos.delay.ms=4000").start();
    ServiceJvm twice =
        jvm(
                "twice",
                ServiceJvm.freePort(),
                Map.of(
                    "DYNINKA_PEERS",
                    "source=" + source.url(),
                    "DYNINKA_TIMEOUT_MS",
                    "500",
                    "DYNINKA_RETRIES",
                    "0"))
            .start();

    long start = System.nanoTime();
    HttpResponse<String> answer = call(twice.url());
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(answer.statusCode()).isEqualTo(504);
    assertThat(new JsonObject(answer.body()).getString("service")).isEqualTo("twice");
    assertThat(elapsedMillis).as("answered before the upstream's 4 s").isLessThan(4000);
  }

  @Test
  @DisplayName("SIGTERM to one of two replicas during load fails no request")
  void rollingReplicaLosesNothing() throws Exception {
    ServiceJvm source = jvm("source", ServiceJvm.freePort(), Map.of()).start();
    Map<String, String> replicaEnv =
        Map.of("DYNINKA_PEERS", "source=" + source.url(), "DYNINKA_DRAIN_DELAY_MS", "300");
    ServiceJvm first = jvm("twice", ServiceJvm.freePort(), replicaEnv).start();
    ServiceJvm second = jvm("twice", ServiceJvm.freePort(), replicaEnv).start();
    ServiceJvm sink =
        jvm(
                "sink",
                ServiceJvm.freePort(),
                Map.of("DYNINKA_PEERS", "twice=" + first.url() + "|" + second.url()))
            .start();

    Load load = new Load(sink.url(), 4);
    load.awaitUntil(() -> load.count(200) >= 200);
    int exit = first.terminate();
    int before = load.total();
    load.awaitUntil(() -> load.total() >= before + 200);
    load.close();

    assertThat(exit).as("graceful exit code").isIn(0, 143);
    assertThat(load.unexpected).isEmpty();
    assertThat(load.total())
        .as("answers by status %s", load.statuses)
        .isPositive()
        .isEqualTo(load.count(200));
  }
}
