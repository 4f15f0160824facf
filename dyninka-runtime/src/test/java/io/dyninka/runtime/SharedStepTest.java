package io.dyninka.runtime;

import static io.dyninka.runtime.TestApp.body;
import static io.dyninka.runtime.TestApp.from;
import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.ServiceManifest.Kind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A DAG over real sockets: {@code validate} feeds {@code velocity} and {@code bin}, joined by
 * {@code score}, which shares it; {@code bin} also takes the client's body through {@code raw}.
 */
@DisplayName("A service that shares a step")
class SharedStepTest {

  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private int ran(String service) {
    return runs.computeIfAbsent(service, s -> new AtomicInteger()).get();
  }

  private void count(String service) {
    runs.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
  }

  private TestApp scoring() {
    return new TestApp("scoring")
        .service(
            "validate",
            "int",
            Kind.OPTIONAL,
            in -> {
              count("validate");
              int order = in.<Integer>get(0);
              if (order == 0) {
                throw new IllegalStateException("no order");
              }
              return Optional.of(order).filter(o -> o > 0);
            },
            body("int"))
        .service(
            "velocity",
            "int",
            Kind.VALUE,
            in -> {
              count("velocity");
              int order = in.<Integer>get(0);
              if (order == 7) {
                throw new IllegalArgumentException("unlucky");
              }
              return order * 10;
            },
            from("validate", "int"))
        .service(
            "raw",
            "int",
            Kind.VALUE,
            in -> {
              count("raw");
              return in.<Integer>get(0);
            },
            body("int"))
        .service(
            "bin",
            "java.lang.String",
            Kind.ASYNC,
            in -> {
              count("bin");
              return Future.succeededFuture("bin" + in.<Integer>get(0) + "/" + in.<Integer>get(1));
            },
            from("validate", "int"),
            from("raw", "int"))
        .service(
            "score",
            "java.lang.String",
            Kind.VALUE,
            in -> {
              count("score");
              return in.<Integer>get(0) + ":" + in.<String>get(1);
            },
            from("velocity", "int"),
            from("bin", "java.lang.String"))
        .shares("score", "validate");
  }

  @Test
  @DisplayName("runs the shared step once per request, and its output reaches both branches")
  void oncePerRequest() throws Exception {
    app = scoring().start();

    for (int i = 1; i <= 20; i++) {
      HttpResponse<String> answer = app.post("score", "application/json", Integer.toString(i));
      if (i == 7) {
        continue;
      }
      assertThat(answer.statusCode()).as("order %d", i).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("\"" + (i * 10) + ":bin" + i + "/" + i + "\"");
    }

    assertThat(ran("validate")).isEqualTo(20);
    assertThat(ran("velocity")).isEqualTo(20);
    assertThat(ran("bin")).isEqualTo(20); // pulled with velocity, concurrently, for order 7 too
    assertThat(ran("raw")).isEqualTo(20);
  }

  @Test
  @DisplayName("gives one Server-Timing entry per service, the shared one once and first")
  void serverTiming() throws Exception {
    app = scoring().start();

    HttpResponse<String> answer = app.post("score", "application/json", "3");

    String timing = answer.headers().firstValue("Server-Timing").orElseThrow();
    assertThat(timing)
        .startsWith("validate;dur=")
        .endsWith(", score;" + durationOf(timing, "score"));
    for (String service : new String[] {"validate", "velocity", "raw", "bin", "score"}) {
      assertThat(timing.split(service + ";dur=", -1)).as(service).hasSize(2);
    }
  }

  private static String durationOf(String timing, String service) {
    int at = timing.lastIndexOf(service + ";");
    return timing.substring(at + service.length() + 1);
  }

  @Test
  @DisplayName(
      "answers 204 when the shared step filters the item out, without running the branches")
  void filteredSharedStepEndsTheRequest() throws Exception {
    app = scoring().start();

    HttpResponse<String> answer = app.post("score", "application/json", "-5");

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(ran("validate")).isEqualTo(1);
    assertThat(ran("velocity") + ran("bin") + ran("raw") + ran("score")).isZero();
    assertThat(answer.headers().firstValue("Server-Timing").orElseThrow())
        .matches("validate;dur=\\d+\\.\\d{3}, score;dur=0\\.000");
  }

  @Test
  @DisplayName("passes a shared step's problem on with the sharer in its path, branches not run")
  void sharedStepProblem() throws Exception {
    app = scoring().start();

    HttpResponse<String> answer = app.post("score", "application/json", "0");

    assertThat(answer.statusCode()).isEqualTo(500);
    JsonObject problem = new JsonObject(answer.body());
    assertThat(problem.getString("service")).isEqualTo("validate");
    assertThat(problem.getJsonArray("path").getList()).containsExactly("validate", "score");
    assertThat(ran("velocity") + ran("bin")).isZero();
  }

  @Test
  @DisplayName("passes a branch's problem on with its own path: the shared step is not in it")
  void branchProblem() throws Exception {
    app = scoring().start();

    HttpResponse<String> answer = app.post("score", "application/json", "7");

    assertThat(answer.statusCode()).isEqualTo(500);
    JsonObject problem = new JsonObject(answer.body());
    assertThat(problem.getString("service")).isEqualTo("velocity");
    assertThat(problem.getJsonArray("path").getList()).containsExactly("velocity", "score");
    assertThat(ran("validate")).isEqualTo(1);
  }

  @Test
  @DisplayName("refuses a body to a branch that is not the envelope its sharer sends")
  void branchTakesOnlyAnEnvelope() throws Exception {
    app = scoring().start();

    HttpResponse<String> answer = app.post("bin", "application/json", "3");

    assertThat(answer.statusCode()).isEqualTo(400);
    JsonObject problem = new JsonObject(answer.body());
    assertThat(problem.getString("type")).isEqualTo(ProblemType.BAD_REQUEST.uri());
    assertThat(problem.getString("detail")).contains("shared envelope").contains("'bin'");
    assertThat(ran("validate")).isZero();
  }

  @Test
  @DisplayName("lets a branch called with an envelope take the shared output instead of pulling it")
  void branchTakesTheHandedOverValue() throws Exception {
    app = scoring().start();

    HttpResponse<String> answer =
        app.post("bin", "application/json", "{\"shared\":{\"validate\":41},\"body\":2}");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("\"bin41/2\"");
    assertThat(ran("validate")).isZero();
  }
}
