package io.dyninka.runtime;

import static io.dyninka.runtime.TestApp.from;
import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.ServiceManifest.Kind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Services in one process")
class ColocationTest {

  static final String READING = Reading.class.getName();

  record Reading(String variable, double value) {}

  private final List<TestApp> apps = new ArrayList<>();

  @AfterEach
  void stopApps() {
    apps.forEach(TestApp::close);
  }

  /** get → filterTemperature → map → movingAvg, with readings that alternate two variables. */
  private TestApp building(String colocate) {
    AtomicInteger next = new AtomicInteger();
    TestApp app =
        new TestApp("building")
            .colocate(colocate)
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
                in ->
                    Optional.of(in.<Reading>get(0)).filter(r -> r.variable().equals("Temperature")),
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
    apps.add(app);
    return app.start();
  }

  /** What a client can see of an answer: status, body, content type and the timing names. */
  private static String seen(HttpResponse<String> answer) {
    String timing = answer.headers().firstValue("Server-Timing").orElse("");
    List<String> names =
        Arrays.stream(timing.split(", ")).map(entry -> entry.split(";")[0]).toList();
    return answer.statusCode()
        + " "
        + answer.headers().firstValue("content-type").orElse("-")
        + " "
        + answer.body()
        + " "
        + names;
  }

  @ParameterizedTest(name = "-Ddyninka.colocate={0}")
  @ValueSource(
      strings = {
        "all",
        "get+filterTemperature+map",
        "map+movingAvg",
        "get+map,filterTemperature+movingAvg"
      })
  @DisplayName("answers exactly what the split app answers: values, 204s and Server-Timing names")
  void sameAnswersAsSplit(String colocate) throws Exception {
    TestApp split = building(null);
    TestApp grouped = building(colocate);

    for (int i = 0; i < 4; i++) {
      assertThat(seen(grouped.get("movingAvg"))).isEqualTo(seen(split.get("movingAvg")));
    }
    assertThat(seen(split.get("movingAvg")))
        .isEqualTo("200 application/json 40.0 [get, filterTemperature, map, movingAvg]");
  }

  @Test
  @DisplayName("hands the upstream's output object to the downstream as it is, on the same thread")
  void directHandOver() throws Exception {
    AtomicReference<Object> produced = new AtomicReference<>();
    AtomicReference<Object> received = new AtomicReference<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    TestApp app =
        new TestApp("handover")
            .colocate("all")
            .service(
                "head",
                READING,
                Kind.VALUE,
                in -> {
                  threads.add(Thread.currentThread().getName());
                  Reading reading = new Reading("Temperature", 21.5);
                  produced.set(reading);
                  return reading;
                })
            .service(
                "tail",
                "double",
                Kind.VALUE,
                in -> {
                  threads.add(Thread.currentThread().getName());
                  received.set(in.get(0));
                  return in.<Reading>get(0).value();
                },
                from("head", READING));
    apps.add(app.start());

    HttpResponse<String> answer = app.get("tail");

    assertThat(answer.body()).isEqualTo("21.5");
    assertThat(received.get()).isSameAs(produced.get());
    assertThat(threads).hasSize(2);
    assertThat(threads.get(0)).isEqualTo(threads.get(1)).contains("eventloop");
  }

  @Nested
  @DisplayName("keeps the rules of each member")
  class Rules {

    @Test
    @DisplayName("runs a stateful member's invocations one at a time, called from every event loop")
    void statefulIsSerial() throws Exception {
      int[] state = {0};
      TestApp app =
          new TestApp("counter")
              .colocate("all")
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
              .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("count", "int"));
      apps.add(app.start());

      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        answers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return app.get("tail");
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
    @DisplayName("runs a blocking member on a worker thread, not on its caller's event loop")
    void blockingRunsOnWorker() throws Exception {
      TestApp app =
          new TestApp("blocking")
              .colocate("all")
              .add(
                  "where",
                  "java.lang.String",
                  Kind.VALUE,
                  false,
                  true,
                  in -> Thread.currentThread().getName())
              .service(
                  "tail",
                  "java.lang.String",
                  Kind.VALUE,
                  in -> in.<String>get(0),
                  from("where", "java.lang.String"));
      apps.add(app.start());

      assertThat(app.get("tail").body()).contains("worker").doesNotContain("eventloop");
    }
  }

  @Nested
  @DisplayName("keeps the contract seen from outside")
  class Contract {

    @Test
    @DisplayName("a member's problem keeps its service and path, as over HTTP")
    void problemPath() throws Exception {
      for (String colocate : new String[] {null, "all", "head+explode"}) {
        TestApp app =
            new TestApp("boom")
                .colocate(colocate)
                .service("head", "int", Kind.VALUE, in -> 1)
                .service(
                    "explode",
                    "int",
                    Kind.VALUE,
                    in -> {
                      throw new IllegalArgumentException("sensor offline");
                    },
                    from("head", "int"))
                .service(
                    "tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("explode", "int"));
        apps.add(app.start());

        HttpResponse<String> answer = app.get("tail");

        assertThat(answer.statusCode()).as(colocate).isEqualTo(500);
        assertThat(answer.headers().firstValue("content-type")).hasValue(Problem.CONTENT_TYPE);
        JsonObject problem = new JsonObject(answer.body());
        assertThat(problem.getString("service")).isEqualTo("explode");
        assertThat(problem.getString("type")).endsWith("function-failed");
        assertThat(problem.getJsonArray("path").getList())
            .as(colocate)
            .containsExactly("explode", "tail");
      }
    }

    @Test
    @DisplayName("Dyninka-Route works inside a group, and a route that leaves it goes over HTTP")
    void routes() throws Exception {
      // a and b are a group, c is apart: tail → c → a leaves the group and comes back.
      for (String colocate : new String[] {null, "a+b+tail"}) {
        TestApp app =
            new TestApp("routes")
                .colocate(colocate)
                .service("a", "int", Kind.VALUE, in -> 1)
                .service("b", "int", Kind.VALUE, in -> in.<Integer>get(0) * 10, from("a", "int"))
                .service("c", "int", Kind.VALUE, in -> in.<Integer>get(0) + 5, from("b", "int"))
                .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("c", "int"));
        apps.add(app.start());

        assertThat(app.get("tail").body()).isEqualTo("15");
        assertThat(app.get("tail", "Dyninka-Route", "b,a").body()).as(colocate).isEqualTo("10");
        HttpResponse<String> leaving = app.get("tail", "Dyninka-Route", "c,a");
        assertThat(leaving.body()).as(colocate).isEqualTo("6");
        assertThat(seen(leaving)).endsWith("[a, c, tail]");
        HttpResponse<String> refused = app.get("tail", "Dyninka-Route", "c,b,c");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(refused.body()).getString("type")).endsWith("bad-route");
      }
    }

    @Test
    @DisplayName("the request's deadline stops a slow member with a 504 upstream-timeout")
    void deadlineAcrossDirectHops() throws Exception {
      TestApp app =
          new TestApp("slow")
              .colocate("all")
              .service("head", "int", Kind.ASYNC, in -> Promise.<Integer>promise().future())
              .service("mid", "int", Kind.VALUE, in -> in.<Integer>get(0), from("head", "int"))
              .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("mid", "int"));
      apps.add(app.start());

      HttpResponse<String> answer = app.get("tail", "Dyninka-Deadline-Ms", "200");

      assertThat(answer.statusCode()).isEqualTo(504);
      JsonObject problem = new JsonObject(answer.body());
      assertThat(problem.getString("type")).endsWith("upstream-timeout");
      // The service still answers the next request: nothing was left holding its place.
      assertThat(app.get("mid", "Dyninka-Deadline-Ms", "100").statusCode()).isEqualTo(504);
    }

    @Test
    @DisplayName("the deadline also stops a stateful member reached on its own event loop")
    void deadlineAcrossAHop() throws Exception {
      TestApp app =
          new TestApp("slowState")
              .colocate("all")
              .add(
                  "head", "int", Kind.ASYNC, true, false, in -> Promise.<Integer>promise().future())
              .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("head", "int"));
      apps.add(app.start());

      for (int i = 0; i < 4; i++) {
        assertThat(app.get("tail", "Dyninka-Deadline-Ms", "100").statusCode()).isEqualTo(504);
      }
    }

    @Test
    @DisplayName("the trace goes on across a direct hop to a service outside the group")
    void traceAcrossDirectHop() throws Exception {
      List<String> seen = new CopyOnWriteArrayList<>();
      TestApp app =
          new TestApp("trace")
              .colocate("mid+tail")
              .service("head", "int", Kind.VALUE, in -> 1)
              .service("mid", "int", Kind.VALUE, in -> in.<Integer>get(0), from("head", "int"))
              .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("mid", "int"));
      apps.add(app);
      int recorder =
          app.startRaw(
              r -> {
                seen.add(r.getHeader("traceparent") + " " + r.getHeader("Dyninka-Deadline-Ms"));
                r.response().putHeader("content-type", "application/json").end("7");
              });
      app.peer("head", "http://127.0.0.1:" + recorder).start();
      String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

      HttpResponse<String> answer =
          app.get("tail", "traceparent", trace, "Dyninka-Deadline-Ms", "3000");

      assertThat(answer.body()).isEqualTo("7");
      assertThat(seen).hasSize(1);
      String[] forwarded = seen.get(0).split(" ");
      assertThat(forwarded[0]).isEqualTo(trace);
      assertThat(Long.parseLong(forwarded[1])).isBetween(1L, 3000L);
    }

    @Test
    @DisplayName("each member answers health, readiness and the manifest on its own port")
    void eachMemberServesItsEndpoints() throws Exception {
      TestApp app = building("all");
      for (String service : List.of("get", "filterTemperature", "map", "movingAvg")) {
        for (String path : List.of("/health/live", "/health/ready", "/dyninka/manifest")) {
          HttpResponse<String> answer =
              app.send(
                  java.net.http.HttpRequest.newBuilder(app.uri(service, path))
                      .timeout(Duration.ofSeconds(10))
                      .build());
          assertThat(answer.statusCode()).as(service + path).isEqualTo(200);
        }
        // A member still answers its own calls over HTTP, as the rest of the app reaches it.
        assertThat(app.get(service).statusCode()).isIn(200, 204);
      }
    }
  }
}
