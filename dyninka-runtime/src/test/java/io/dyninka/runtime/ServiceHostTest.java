package io.dyninka.runtime;

import static io.dyninka.runtime.TestApp.body;
import static io.dyninka.runtime.TestApp.from;
import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.ServiceManifest.Kind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A service host")
class ServiceHostTest {

  static final String READING = Reading.class.getName();

  record Reading(String variable, double value) {}

  private final List<TestApp> apps = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  private TestApp app(String name) {
    TestApp app = new TestApp(name);
    apps.add(app);
    return app;
  }

  @AfterEach
  void stopApps() {
    apps.forEach(TestApp::close);
  }

  /** source → filter → map → sink, over readings that alternate between two variables. */
  private TestApp building() {
    return app("building")
        .service(
            "get",
            READING,
            Kind.ASYNC,
            in -> {
              int n = next.getAndIncrement();
              return Future.succeededFuture(
                  new Reading(n % 2 == 0 ? "Temperature" : "Humidity", n));
            })
        .service(
            "filterTemperature",
            READING,
            Kind.OPTIONAL,
            in -> Optional.of(in.<Reading>get(0)).filter(r -> r.variable().equals("Temperature")),
            from("get", READING))
        .service(
            "map",
            "double",
            Kind.VALUE,
            in -> in.<Reading>get(0).value(),
            from("filterTemperature", READING))
        .add(
            "movingAvg",
            "double",
            Kind.VALUE,
            true,
            false,
            in -> in.<Double>get(0) * 10,
            from("map", "double"));
  }

  @Nested
  @DisplayName("answering a chain")
  class Chain {

    @Test
    @DisplayName(
        "pulls through every service and answers the sink's JSON with one Server-Timing entry per service")
    void answersThroughTheChain() throws Exception {
      TestApp app = building().start();

      HttpResponse<String> answer = app.get("movingAvg");

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("content-type")).hasValue("application/json");
      assertThat(answer.body()).isEqualTo("0.0");
      String timing = answer.headers().firstValue("Server-Timing").orElseThrow();
      assertThat(timing)
          .matches(
              "get;dur=\\d+\\.\\d{3}, filterTemperature;dur=\\d+\\.\\d{3}, map;dur=\\d+\\.\\d{3}, movingAvg;dur=\\d+\\.\\d{3}");
    }

    @Test
    @DisplayName("answers 204 when a step filters the item out, and skips the steps after it")
    void filteredItemIs204() throws Exception {
      TestApp app = building().start();
      app.get("movingAvg");

      HttpResponse<String> filtered = app.get("movingAvg");

      assertThat(filtered.statusCode()).isEqualTo(204);
      assertThat(filtered.body()).isEmpty();
      // Services after the filter are traversed without running: their entries say 0.
      assertThat(filtered.headers().firstValue("Server-Timing").orElseThrow())
          .matches(
              "get;dur=\\d+\\.\\d{3}, filterTemperature;dur=\\d+\\.\\d{3}, map;dur=0\\.000, movingAvg;dur=0\\.000");
    }

    @Test
    @DisplayName("forwards a POST body up to the service that reads the request")
    void forwardsTheBody() throws Exception {
      TestApp app =
          app("body")
              .service("parse", READING, Kind.VALUE, in -> in.<Reading>get(0), body(READING))
              .service(
                  "scale",
                  "double",
                  Kind.VALUE,
                  in -> in.<Reading>get(0).value() * 2,
                  from("parse", READING))
              .start();

      HttpResponse<String> answer =
          app.post("scale", "application/json", "{\"variable\":\"Temperature\",\"value\":21.5}");

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("43.0");
    }

    @Test
    @DisplayName("pulls both inputs of a fan-in concurrently")
    void fanInPullsConcurrently() throws Exception {
      // left answers only once right has been called: a sequential fan-in would time out.
      Promise<Void> rightCalled = Promise.promise();
      TestApp app =
          app("fan")
              .service("left", "int", Kind.ASYNC, in -> rightCalled.future().map(v -> 1))
              .service(
                  "right",
                  "int",
                  Kind.VALUE,
                  in -> {
                    rightCalled.tryComplete();
                    return 2;
                  })
              .service(
                  "sum",
                  "int",
                  Kind.VALUE,
                  in -> in.<Integer>get(0) + in.<Integer>get(1),
                  from("left", "int"),
                  from("right", "int"))
              .timeout(Duration.ofSeconds(5))
              .start();

      HttpResponse<String> answer = app.get("sum");

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("3");
    }

    @Test
    @DisplayName("shares a fan-in's pulls of a two-replica upstream evenly between its replicas")
    void fanInSharesReplicasEvenly() throws Exception {
      AtomicInteger servedByFirst = new AtomicInteger();
      AtomicInteger servedBySecond = new AtomicInteger();
      TestApp first = app("fan").service("left", "int", Kind.VALUE, replica(servedByFirst)).start();
      TestApp second =
          app("fan").service("left", "int", Kind.VALUE, replica(servedBySecond)).start();
      TestApp app =
          app("fan")
              .service("left", "int", Kind.VALUE, in -> 0)
              .service("right", "int", Kind.VALUE, in -> 2)
              .service(
                  "sum",
                  "int",
                  Kind.VALUE,
                  in -> in.<Integer>get(0) + in.<Integer>get(1),
                  from("left", "int"),
                  from("right", "int"))
              .peer(
                  "left",
                  "http://127.0.0.1:"
                      + first.host("left").port()
                      + "|http://127.0.0.1:"
                      + second.host("left").port())
              .start();

      int calls = 20;
      for (int i = 0; i < calls; i++) {
        assertThat(app.get("sum").body()).isEqualTo("3");
      }

      // Each of the sum's two event-loop instances takes its own turns, so the shares may differ
      // by one per instance; one turn shared with 'right' sent every pull to the same replica.
      assertThat(servedByFirst.get() + servedBySecond.get()).isEqualTo(calls);
      assertThat(Math.abs(servedByFirst.get() - servedBySecond.get())).isLessThanOrEqualTo(2);
    }

    private ServiceFunction replica(AtomicInteger served) {
      return in -> {
        served.incrementAndGet();
        return 1;
      };
    }

    @Test
    @DisplayName("runs a stateful service's invocations one at a time")
    void statefulIsSerial() throws Exception {
      int[] state = {0};
      TestApp app =
          app("counter")
              .service("tick", "int", Kind.VALUE, in -> 1)
              .add(
                  "count",
                  "int",
                  Kind.VALUE,
                  true,
                  false,
                  in -> {
                    int seen = state[0];
                    Thread.onSpinWait();
                    state[0] = seen + in.<Integer>get(0);
                    return state[0];
                  },
                  from("tick", "int"))
              .start();

      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        answers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return app.get("count");
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }));
      }
      Set<String> counts = new HashSet<>();
      for (CompletableFuture<HttpResponse<String>> answer : answers) {
        counts.add(answer.get().body());
      }

      assertThat(counts).hasSize(200);
      assertThat(state[0]).isEqualTo(200);
    }

    @Test
    @DisplayName("runs a blocking service on a worker thread")
    void blockingRunsOnWorker() throws Exception {
      TestApp app =
          app("blocking")
              .add(
                  "where",
                  "java.lang.String",
                  Kind.VALUE,
                  false,
                  true,
                  in -> Thread.currentThread().getName())
              .start();

      assertThat(app.get("where").body()).contains("worker").doesNotContain("eventloop");
    }

    @Test
    @DisplayName(
        "forwards a valid traceparent to its upstreams and starts a trace when there is none")
    void forwardsTraceparent() throws Exception {
      List<String> seen = new CopyOnWriteArrayList<>();
      TestApp app =
          app("trace")
              .service("head", "int", Kind.VALUE, in -> 1)
              .service("tail", "int", Kind.VALUE, in -> 2, from("head", "int"))
              .start();
      String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
      // Ask head directly through tail's route: the trace must reach head's request.
      TestApp probe =
          app("probe")
              .service("head", "int", Kind.VALUE, in -> 1)
              .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("head", "int"))
              .peer("head", "http://127.0.0.1:" + startRecorder(app, seen))
              .start();

      probe.get("tail", "traceparent", trace);
      probe.get("tail", "traceparent", "00-not-a-trace");

      assertThat(seen).hasSize(2);
      assertThat(seen.get(0)).isEqualTo(trace);
      assertThat(seen.get(1)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    private int startRecorder(TestApp app, List<String> seen) {
      return app.vertx()
          .createHttpServer()
          .requestHandler(
              r -> {
                seen.add(r.getHeader("traceparent"));
                r.response().putHeader("content-type", "application/json").end("7");
              })
          .listen(0, "127.0.0.1")
          .await()
          .actualPort();
    }
  }

  @Nested
  @DisplayName("with Dyninka-Route")
  class Routes {

    @Test
    @DisplayName("follows a route of the app's own services whose types fit")
    void followsAValidRoute() throws Exception {
      TestApp app = building().start();

      // Skip the filter: map pulls straight from get, so the humidity reading passes too.
      HttpResponse<String> first = app.get("movingAvg", "Dyninka-Route", "map,get");
      HttpResponse<String> second = app.get("movingAvg", "Dyninka-Route", "map,get");

      assertThat(first.body()).isEqualTo("0.0");
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(second.body()).isEqualTo("10.0");
      assertThat(second.headers().firstValue("Server-Timing").orElseThrow())
          .doesNotContain("filterTemperature");
    }

    @Test
    @DisplayName(
        "refuses unknown services, type mismatches, loops and overlong routes with a 400 problem")
    void refusesBadRoutes() throws Exception {
      TestApp app = building().start();

      for (String route :
          List.of(
              "map,evil.example.com",
              "get",
              "map,map",
              "map,movingAvg",
              "map," + "x,".repeat(100))) {
        HttpResponse<String> answer = app.get("movingAvg", "Dyninka-Route", route);
        assertThat(answer.statusCode()).as(route).isEqualTo(400);
        assertThat(answer.headers().firstValue("content-type"))
            .hasValue("application/problem+json");
        JsonObject problem = new JsonObject(answer.body());
        assertThat(problem.getString("service")).isEqualTo("movingAvg");
        assertThat(problem.getString("detail")).startsWith("Dyninka-Route refused");
      }
      assertThat(app.get("movingAvg").statusCode()).isEqualTo(200);
    }
  }

  @Nested
  @DisplayName("when something fails")
  class Failures {

    @Test
    @DisplayName(
        "answers a user exception as a 500 problem naming the service, and propagates it with its path")
    void userExceptionIsPropagated() throws Exception {
      TestApp app =
          app("boom")
              .service("head", "int", Kind.VALUE, in -> 1)
              .service(
                  "explode",
                  "int",
                  Kind.VALUE,
                  in -> {
                    throw new IllegalArgumentException("sensor offline");
                  },
                  from("head", "int"))
              .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("explode", "int"))
              .start();

      HttpResponse<String> answer = app.get("tail");

      assertThat(answer.statusCode()).isEqualTo(500);
      JsonObject problem = new JsonObject(answer.body());
      assertThat(problem.getString("service")).isEqualTo("explode");
      assertThat(problem.getString("detail"))
          .isEqualTo("java.lang.IllegalArgumentException: sensor offline");
      assertThat(problem.getJsonArray("path").getList()).containsExactly("explode", "tail");
      assertThat(problem.getInteger("status")).isEqualTo(500);
    }

    @Test
    @DisplayName("answers 502 when an upstream is unreachable")
    void unreachableIs502() throws Exception {
      int closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = socket.getLocalPort();
      }
      TestApp app =
          app("down")
              .service("head", "int", Kind.VALUE, in -> 1)
              .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("head", "int"))
              .peer("head", "http://127.0.0.1:" + closed)
              .start();

      HttpResponse<String> answer = app.get("tail");

      assertThat(answer.statusCode()).isEqualTo(502);
      JsonObject problem = new JsonObject(answer.body());
      assertThat(problem.getString("service")).isEqualTo("tail");
      assertThat(problem.getString("detail")).contains("'head'").contains("unreachable");
    }

    @Test
    @DisplayName("answers 504 when an upstream is slower than the timeout")
    void slowIs504() throws Exception {
      TestApp app =
          app("slow")
              .service("head", "int", Kind.ASYNC, in -> Promise.<Integer>promise().future())
              .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("head", "int"))
              .timeout(Duration.ofMillis(300))
              .start();

      HttpResponse<String> answer = app.get("tail");

      assertThat(answer.statusCode()).isEqualTo(504);
      assertThat(new JsonObject(answer.body()).getString("detail")).contains("300 ms");
    }

    @Test
    @DisplayName("answers a malformed body with a 400 problem, and still answers the next request")
    void malformedBodyIs400() throws Exception {
      TestApp app =
          app("body")
              .service("parse", READING, Kind.VALUE, in -> in.<Reading>get(0), body(READING))
              .service(
                  "scale",
                  "double",
                  Kind.VALUE,
                  in -> in.<Reading>get(0).value() * 2,
                  from("parse", READING))
              .start();

      HttpResponse<String> bad = app.post("scale", "application/json", "{\"variable\": [1, 2");
      HttpResponse<String> good =
          app.post("scale", "application/json", "{\"variable\":\"T\",\"value\":1}");

      assertThat(bad.statusCode()).isEqualTo(400);
      JsonObject problem = new JsonObject(bad.body());
      assertThat(problem.getString("service")).isEqualTo("parse");
      assertThat(problem.getJsonArray("path").getList()).containsExactly("parse", "scale");
      assertThat(good.statusCode()).isEqualTo(200);
      assertThat(good.body()).isEqualTo("2.0");
    }

    @Test
    @DisplayName("answers 415 for a body that is not JSON and 413 for one that is too large")
    void mediaTypeAndSize() throws Exception {
      TestApp app =
          app("body")
              .service(
                  "parse",
                  "java.lang.String",
                  Kind.VALUE,
                  in -> in.get(0),
                  body("java.lang.String"))
              .start();

      assertThat(app.post("parse", "text/plain", "hello").statusCode()).isEqualTo(415);
      HttpResponse<String> large =
          app.post("parse", "application/json", "\"" + "x".repeat(2 << 20) + "\"");
      assertThat(large.statusCode()).isEqualTo(413);
      assertThat(large.headers().firstValue("content-type")).hasValue("application/problem+json");
      assertThat(app.post("parse", "application/json", "\"ok\"").body()).isEqualTo("\"ok\"");
    }
  }

  @Nested
  @DisplayName("serves its endpoints")
  class Endpoints {

    @Test
    @DisplayName("health, readiness and the manifest")
    void healthAndManifest() throws Exception {
      TestApp app = building().start();

      assertThat(
              app.send(HttpRequest.newBuilder(app.uri("map", "/health/live")).build()).statusCode())
          .isEqualTo(200);
      assertThat(
              app.send(HttpRequest.newBuilder(app.uri("map", "/health/ready")).build())
                  .statusCode())
          .isEqualTo(200);
      HttpResponse<String> manifest =
          app.send(HttpRequest.newBuilder(app.uri("map", "/dyninka/manifest")).build());
      assertThat(new JsonObject(manifest.body()).getString("sink")).isEqualTo("movingAvg");
      HttpResponse<String> missing =
          app.send(HttpRequest.newBuilder(app.uri("map", "/nope")).build());
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.headers().firstValue("content-type")).hasValue("application/problem+json");

      app.host("map").stop().await();
    }
  }
}
