package io.dyninka.it.dag;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.Flow;
import io.dyninka.it.UserProject;
import io.dyninka.manifest.AppManifest;
import io.dyninka.runtime.JsonCodec;
import io.dyninka.runtime.launch.LocalLauncher;
import io.dyninka.runtime.launch.RunningApp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scoring app, a DAG whose shared step {@code validate} counts its runs in a placed field, runs
 * as one JVM per service; every answer carries the run of validate that each branch saw.
 */
@DisplayName("The scoring DAG, distributed over one JVM per service")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoringIT {

  private static final int COMPARED = 60;
  private static final int THREADS = 8;
  private static final int PER_THREAD = 50;

  private final UserProject project = new UserProject("scoring");
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final JsonCodec codec = new JsonCodec();
  private AppManifest manifest;
  private RunningApp app;

  @BeforeAll
  void startServices() throws Exception {
    manifest = project.manifest("scoring");
    app =
        LocalLauncher.builder()
            .classpath(project.classpath())
            .logSink(System.out::println)
            // Generous: four JVMs start at once on a machine that may be busy.
            .readinessTimeout(Duration.ofSeconds(180))
            .build()
            .start(manifest);
  }

  @AfterAll
  void stopServices() {
    if (app != null) {
      app.close();
    }
  }

  private static String order(int i) {
    return new JsonObject()
        .put("id", "o-" + i)
        .put("amount", i % 5 == 0 ? 0.0 : 10.0 + i)
        .put("country", i % 2 == 0 ? "FR" : "DE")
        .encode();
  }

  @Test
  @Order(1)
  @DisplayName("names score as the one that pulls validate once")
  void manifestShares() {
    assertThat(manifest.service("score").orElseThrow().shares()).containsExactly("validate");
  }

  @Test
  @Order(2)
  @DisplayName("answers as runLocal does, order by order, validate's run count included")
  void matchesRunLocal() throws Exception {
    // runLocal's own copy of validate counts in this JVM: equal answers mean equal counts.
    Flow<?> local = project.localFlow(manifest.source());
    Class<?> orderType = project.load(manifest.source() + "$Order");
    int filtered = 0;
    for (int i = 1; i <= COMPARED; i++) {
      String order = order(i);
      HttpResponse<String> answer = post(order);
      Flow.Result<?> expected =
          local.runLocalAndWait(codec.mapper().readValue(order, orderType), Duration.ofSeconds(10));
      if (expected.filtered()) {
        filtered++;
        assertThat(answer.statusCode()).as(order).isEqualTo(204);
      } else {
        assertThat(answer.statusCode()).as(order).isEqualTo(200);
        assertThat(new JsonObject(answer.body()))
            .as(order)
            .isEqualTo(new JsonObject(codec.encode(expected.value())));
      }
    }
    assertThat(filtered).isEqualTo(COMPARED / 5);
  }

  @Test
  @Order(3)
  @DisplayName("runs validate exactly once per request under 8 threads × 50 requests")
  void oncePerRequestUnderLoad() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<List<HttpResponse<String>>>> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      threads.add(
          pool.submit(
              () -> {
                List<HttpResponse<String>> answers = new ArrayList<>();
                for (int i = 0; i < PER_THREAD; i++) {
                  // Never a multiple of 5: every one of these orders passes validate.
                  answers.add(post(order(1 + 5 * (thread * PER_THREAD + i))));
                }
                return answers;
              }));
    }
    Set<Long> runs = new HashSet<>();
    for (Future<List<HttpResponse<String>>> thread : threads) {
      for (HttpResponse<String> answer : thread.get()) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonObject score = new JsonObject(answer.body());
        // Both branches saw the one output of one run of validate.
        assertThat(score.getLong("binRun")).isEqualTo(score.getLong("velocityRun"));
        assertThat(runs.add(score.getLong("velocityRun"))).as("run seen twice").isTrue();
      }
    }
    pool.shutdown();

    int requests = THREADS * PER_THREAD;
    // Exactly the runs after the compared ones: one run per request, none lost, none doubled.
    assertThat(runs).hasSize(requests);
    assertThat(runs.stream().mapToLong(Long::longValue).min().orElseThrow())
        .isEqualTo(COMPARED + 1);
    assertThat(runs.stream().mapToLong(Long::longValue).max().orElseThrow())
        .isEqualTo(COMPARED + requests);
  }

  @Test
  @Order(4)
  @DisplayName("gives one Server-Timing entry per service, validate's once")
  void serverTiming() throws Exception {
    HttpResponse<String> answer = post(order(1));
    String timing = answer.headers().firstValue("Server-Timing").orElseThrow();
    for (String service : List.of("validate", "velocity", "binLookup", "score")) {
      assertThat(timing.split(service + ";dur=", -1)).as(timing).hasSize(2);
    }
    assertThat(timing).startsWith("validate;dur=");
  }

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(app.entryUrl())
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
