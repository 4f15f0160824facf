package io.dyninka.runtime;

import static io.dyninka.runtime.TestApp.body;
import static io.dyninka.runtime.TestApp.from;
import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.ServiceManifest.Kind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A service host under faults and hostile input")
class ResilienceTest {

  private final List<TestApp> apps = new ArrayList<>();

  private TestApp app(String name) {
    TestApp app = new TestApp(name);
    apps.add(app);
    return app;
  }

  @AfterEach
  void stopApps() {
    apps.forEach(TestApp::close);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Nested
  @DisplayName("deadlines")
  class Deadlines {

    @Test
    @DisplayName("a caller's shorter Dyninka-Deadline-Ms wins over the service's own timeout")
    void callerBudgetWins() throws Exception {
      TestApp app =
          app("deadline")
              .service("head", "int", Kind.ASYNC, in -> timer(1000).map(v -> 1))
              .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("head", "int"))
              .timeout(Duration.ofSeconds(10))
              .start();

      assertThat(app.get("tail", "Dyninka-Deadline-Ms", "200").statusCode()).isEqualTo(504);
      assertThat(app.get("tail").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a client that gives up cancels the pulls its request caused")
    void disconnectCancelsPulls() throws Exception {
      CountDownLatch upstreamClosed = new CountDownLatch(1);
      CountDownLatch upstreamCalled = new CountDownLatch(1);
      TestApp app = app("cancel");
      int recorder =
          app.startRaw(
              request -> {
                upstreamCalled.countDown();
                request.connection().closeHandler(v -> upstreamClosed.countDown());
              });
      app.service("head", "int", Kind.VALUE, in -> 1)
          .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("head", "int"))
          .peer("head", "http://127.0.0.1:" + recorder)
          .timeout(Duration.ofSeconds(30))
          .start();

      HttpClient impatient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      CompletableFuture<HttpResponse<String>> call =
          impatient.sendAsync(
              HttpRequest.newBuilder(app.uri("tail", "/")).timeout(Duration.ofMillis(300)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(upstreamCalled.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(call)
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableThat()
          .havingCause()
          .isInstanceOf(HttpTimeoutException.class);

      assertThat(upstreamClosed.await(10, TimeUnit.SECONDS))
          .as("upstream call reset after the client left")
          .isTrue();
    }

    @Test
    @DisplayName(
        "an upstream that never answers costs a 504 at the deadline, and its pull is stopped")
    void silentUpstreamIs504() throws Exception {
      CountDownLatch upstreamClosed = new CountDownLatch(1);
      TestApp app = app("silent");
      int silent =
          app.startRaw(
              request -> request.connection().closeHandler(v -> upstreamClosed.countDown()));
      app.service("head", "int", Kind.VALUE, in -> 1)
          .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("head", "int"))
          .peer("head", "http://127.0.0.1:" + silent)
          .timeout(Duration.ofMillis(400))
          .start();

      for (int i = 0; i < 3; i++) {
        HttpResponse<String> answer = app.get("tail");
        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(new JsonObject(answer.body()).getString("type"))
            .isEqualTo(ProblemType.UPSTREAM_TIMEOUT.uri());
      }
      assertThat(upstreamClosed.await(10, TimeUnit.SECONDS))
          .as("the expired pull's connection closed, so the upstream stops working for nobody")
          .isTrue();
    }
  }

  @Nested
  @DisplayName("retries and breakers")
  class Retries {

    @Test
    @DisplayName("a pull that cannot connect is retried on the next replica")
    void retriesOnAnotherReplica() throws Exception {
      TestApp app = app("replicas").service("head", "int", Kind.VALUE, in -> 7).start();
      TestApp caller =
          app("replicas")
              .service("head", "int", Kind.VALUE, in -> 7)
              .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("head", "int"))
              .peer(
                  "head",
                  "http://127.0.0.1:"
                      + closedPort()
                      + "|http://127.0.0.1:"
                      + app.host("head").port())
              .start();

      for (int i = 0; i < 6; i++) {
        HttpResponse<String> answer = caller.get("tail");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("7");
      }
    }

    @Test
    @DisplayName("an upstream that keeps failing opens its breaker: 503 at once instead of waiting")
    void breakerOpens() throws Exception {
      TestApp app =
          app("breaker")
              .service("head", "int", Kind.VALUE, in -> 1)
              .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("head", "int"))
              .peer("head", "http://127.0.0.1:" + closedPort())
              .setting("DYNINKA_INSTANCES", "1")
              .start();

      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        statuses.add(app.get("tail").statusCode());
      }

      assertThat(statuses.subList(0, 5)).containsOnly(502);
      HttpResponse<String> open = app.get("tail");
      assertThat(open.statusCode()).isEqualTo(503);
      assertThat(new JsonObject(open.body()).getString("type"))
          .isEqualTo(ProblemType.UPSTREAM_FAILING.uri());
    }
  }

  @Nested
  @DisplayName("overload")
  class Overload {

    @Test
    @DisplayName(
        "beyond DYNINKA_MAX_IN_FLIGHT a service answers 503 with Retry-After, and recovers")
    void overloadIs503() throws Exception {
      Promise<Integer> gate = Promise.promise();
      CountDownLatch started = new CountDownLatch(2);
      TestApp app =
          app("overload")
              .service(
                  "slow",
                  "int",
                  Kind.ASYNC,
                  in -> {
                    started.countDown();
                    return gate.future();
                  })
              .setting("DYNINKA_MAX_IN_FLIGHT", "2")
              .start();

      List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        waiting.add(CompletableFuture.supplyAsync(() -> call(app)));
      }
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      HttpResponse<String> refused = app.get("slow");
      gate.complete(5);

      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(refused.headers().firstValue("content-type")).hasValue("application/problem+json");
      for (CompletableFuture<HttpResponse<String>> w : waiting) {
        assertThat(w.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
      assertThat(app.get("slow").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> call(TestApp app) {
      try {
        return app.get("slow");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Nested
  @DisplayName("hostile input")
  class HostileInput {

    @Test
    @DisplayName(
        "refuses deep JSON, long numbers and oversized headers with a 4xx problem, and stays up")
    void refusesHostileInput() throws Exception {
      TestApp app =
          app("hostile")
              .service(
                  "parse",
                  "java.lang.Object",
                  Kind.VALUE,
                  in -> in.get(0),
                  body("java.lang.Object"))
              .start();

      HttpResponse<String> deep =
          app.post("parse", "application/json", "[".repeat(100) + "]".repeat(100));
      HttpResponse<String> longNumber =
          app.post("parse", "application/json", "1" + "0".repeat(500));
      HttpResponse<String> header =
          app.send(
              HttpRequest.newBuilder(app.uri("parse", "/"))
                  .header("X-Big", "x".repeat(20_000))
                  .build());

      assertThat(deep.statusCode()).isEqualTo(400);
      assertThat(longNumber.statusCode()).isEqualTo(400);
      assertThat(header.statusCode()).isEqualTo(431);
      assertThat(header.headers().firstValue("content-type")).hasValue("application/problem+json");
      assertThat(app.post("parse", "application/json", "[[1]]").body()).isEqualTo("[[1]]");
    }
  }

  @Nested
  @DisplayName("with a shared token")
  class Token {

    @Test
    @DisplayName(
        "inter-service calls carry it, callers without it get 401, and the sink stays public")
    void tokenGuardsInnerServices() throws Exception {
      TestApp app =
          app("secure")
              .service("head", "int", Kind.VALUE, in -> 1)
              .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0) + 1, from("head", "int"))
              .setting("DYNINKA_TOKEN", "s3cret")
              .start();

      assertThat(app.get("tail").body()).isEqualTo("2");
      HttpResponse<String> direct = app.get("head");
      assertThat(direct.statusCode()).isEqualTo(401);
      assertThat(app.get("head", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
      assertThat(app.get("head", "Authorization", "Bearer s3cret").statusCode()).isEqualTo(200);
    }
  }

  private static Future<Void> timer(long millis) {
    return io.dyninka.Dyninka.vertx().timer(millis, TimeUnit.MILLISECONDS).mapEmpty();
  }
}
