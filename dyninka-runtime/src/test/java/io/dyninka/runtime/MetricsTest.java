package io.dyninka.runtime;

import static io.dyninka.runtime.TestApp.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.ServiceManifest.Kind;
import io.dyninka.runtime.observe.Scrape;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A service's /metrics")
class MetricsTest {

  private static final String REQUESTS = "http_server_request_duration_seconds";
  private static final String PULLS = "dyninka_pull_duration_seconds";
  private static final String STATUS = "http_response_status_code";

  private final List<TestApp> apps = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  @AfterEach
  void stopApps() {
    apps.forEach(TestApp::close);
  }

  private TestApp app(String name) {
    TestApp app = new TestApp(name);
    apps.add(app);
    return app;
  }

  /**
   * head → sift → sink, where sift lets 0, 3, 6… through, filters 1, 4, 7… out and fails on 2, 5,
   * 8…: the sink answers 200, 204 and 500 in turn.
   */
  private TestApp sifting() {
    return app("sifting")
        .service("head", "int", Kind.VALUE, in -> next.getAndIncrement())
        .service(
            "sift",
            "int",
            Kind.OPTIONAL,
            in -> {
              int n = in.<Integer>get(0);
              if (n % 3 == 2) {
                throw new IllegalStateException("no " + n);
              }
              return Optional.of(n).filter(v -> v % 3 == 0);
            },
            from("head", "int"))
        .service("sink", "int", Kind.VALUE, in -> in.<Integer>get(0), from("sift", "int"));
  }

  private static Scrape scrape(TestApp app, String service) throws Exception {
    HttpResponse<String> answer =
        app.send(HttpRequest.newBuilder(app.uri(service, "/metrics")).build());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    return new Scrape(answer.body());
  }

  @Nested
  @DisplayName("counts requests")
  class Requests {

    @Test
    @DisplayName("served by each service, by status code, under the semantic-convention name")
    void byStatus() throws Exception {
      TestApp app = sifting().start();
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        statuses.add(app.get("sink").statusCode());
      }
      assertThat(statuses).containsExactly(200, 204, 500, 200, 204, 500, 200);

      Scrape sink = scrape(app, "sink");
      assertThat(sink.value(REQUESTS + "_count", STATUS, "200", "service", "sink")).isEqualTo(3);
      assertThat(sink.value(REQUESTS + "_count", STATUS, "204", "service", "sink")).isEqualTo(2);
      assertThat(sink.value(REQUESTS + "_count", STATUS, "500", "service", "sink")).isEqualTo(2);
      assertThat(sink.samples(REQUESTS + "_count")).hasSize(3);
      Scrape sift = scrape(app, "sift");
      assertThat(sift.value(REQUESTS + "_count", STATUS, "200", "service", "sift")).isEqualTo(3);
      assertThat(sift.value(REQUESTS + "_count", STATUS, "204", "service", "sift")).isEqualTo(2);
      assertThat(sift.value(REQUESTS + "_count", STATUS, "500", "service", "sift")).isEqualTo(2);
      Scrape head = scrape(app, "head");
      assertThat(head.samples(REQUESTS + "_count"))
          .singleElement()
          .satisfies(s -> assertThat(s.labels()).containsEntry(STATUS, "200"))
          .satisfies(s -> assertThat(s.value()).isEqualTo(7));
      // Scrapes and health checks are not calls of the service.
      app.send(HttpRequest.newBuilder(app.uri("head", "/health/ready")).build());
      assertThat(scrape(app, "head").value(REQUESTS + "_count", STATUS, "200")).isEqualTo(7);
    }

    @Test
    @DisplayName("with a histogram of their durations in the semantic conventions' buckets")
    void histogram() throws Exception {
      TestApp app = sifting().start();
      app.get("sink");

      Scrape sink = scrape(app, "sink");
      List<String> bounds =
          sink.samples(REQUESTS + "_bucket", STATUS, "200").stream()
              .map(s -> s.labels().get("le"))
              .toList();
      assertThat(bounds)
          .containsExactly(
              "0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0", "2.5",
              "5.0", "7.5", "10.0", "+Inf");
      assertThat(sink.value(REQUESTS + "_bucket", STATUS, "200", "le", "+Inf")).isEqualTo(1);
      assertThat(sink.value(REQUESTS + "_sum", STATUS, "200")).isPositive();
      assertThat(sink.samples("http_server_active_requests", "service", "sink")).hasSize(1);
      assertThat(sink.samples("jvm_memory_used_bytes")).isNotEmpty();
      assertThat(sink.samples("jvm_threads_live_threads")).isNotEmpty();
      assertThat(sink.samples("process_uptime_seconds")).isNotEmpty();
      assertThat(sink.samples("system_cpu_count")).isNotEmpty();
    }

    @Test
    @DisplayName("not at all with DYNINKA_METRICS=false: there is no /metrics")
    void off() throws Exception {
      TestApp app = sifting().setting("DYNINKA_METRICS", "false").start();
      assertThat(app.get("sink").statusCode()).isEqualTo(200);

      HttpResponse<String> answer =
          app.send(HttpRequest.newBuilder(app.uri("sink", "/metrics")).build());

      assertThat(answer.statusCode()).isEqualTo(404);
    }
  }

  @Nested
  @DisplayName("counts pulls")
  class Pulls {

    @Test
    @DisplayName("per upstream, by the outcome of the answer")
    void byAnswer() throws Exception {
      TestApp app = sifting().start();
      for (int i = 0; i < 7; i++) {
        app.get("sink");
      }

      Scrape sink = scrape(app, "sink");
      assertThat(sink.value(PULLS + "_count", "upstream", "sift", "outcome", "ok")).isEqualTo(3);
      assertThat(sink.value(PULLS + "_count", "upstream", "sift", "outcome", "filtered"))
          .isEqualTo(2);
      assertThat(sink.value(PULLS + "_count", "upstream", "sift", "outcome", "5xx")).isEqualTo(2);
      assertThat(sink.value(PULLS + "_count", "upstream", "sift", "outcome", "4xx")).isZero();
      assertThat(sink.value(PULLS + "_count", "upstream", "sift", "outcome", "unreachable"))
          .isZero();
      assertThat(sink.samples(PULLS + "_count", "upstream", "head")).isEmpty();
      assertThat(scrape(app, "sift").value(PULLS + "_count", "upstream", "head", "outcome", "ok"))
          .isEqualTo(7);
      assertThat(sink.value("dyninka_upstream_breaker_state", "upstream", "sift")).isZero();
    }

    @Test
    @DisplayName("of a dead upstream as unreachable, then as refused by its open breaker")
    void deadUpstream() throws Exception {
      int closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = socket.getLocalPort();
      }
      TestApp app =
          app("down")
              .service("head", "int", Kind.VALUE, in -> 1)
              .service("tail", "int", Kind.VALUE, in -> in.<Integer>get(0), from("head", "int"))
              .peer("head", "http://127.0.0.1:" + closed)
              .setting("DYNINKA_RETRIES", "0")
              .start();
      int sent = 0;
      int unreachable = 0;
      int refused = 0;
      while (refused == 0 && sent < 50) {
        int status = app.get("tail").statusCode();
        sent++;
        if (status == 502) {
          unreachable++;
        } else if (status == 503) {
          refused++;
        }
      }
      assertThat(refused).as("a breaker opened after %d pulls", sent).isEqualTo(1);
      assertThat(unreachable).isEqualTo(sent - 1).isGreaterThanOrEqualTo(5);

      Scrape tail = scrape(app, "tail");
      assertThat(tail.value(PULLS + "_count", "upstream", "head", "outcome", "unreachable"))
          .isEqualTo(unreachable);
      assertThat(tail.value(PULLS + "_count", "upstream", "head", "outcome", "breaker_open"))
          .isEqualTo(1);
      assertThat(tail.value(REQUESTS + "_count", STATUS, "502")).isEqualTo(unreachable);
      assertThat(tail.value(REQUESTS + "_count", STATUS, "503")).isEqualTo(1);
      assertThat(tail.value("dyninka_upstream_breaker_state", "upstream", "head")).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("counts the direct calls inside a group as it counts calls over HTTP")
  class Grouped {

    @ParameterizedTest(name = "-Ddyninka.colocate={0}")
    @ValueSource(strings = {"all", "head+sift", "sift+sink"})
    @DisplayName("requests by status and pulls by outcome, with their durations, as split")
    void sameCountsAsSplit(String colocate) throws Exception {
      Map<String, Double> split = counts(sifting().start());
      next.set(0);
      TestApp grouped = sifting().colocate(colocate).start();
      Map<String, Double> together = counts(grouped);

      assertThat(together).isEqualTo(split);
      assertThat(split)
          .containsEntry("head " + REQUESTS + " 200", 7.0)
          .containsEntry("sift " + REQUESTS + " 204", 2.0)
          .containsEntry("sift " + REQUESTS + " 500", 2.0)
          .containsEntry("sift " + PULLS + " head ok", 7.0)
          .containsEntry("sink " + PULLS + " sift filtered", 2.0)
          .containsEntry("sink " + PULLS + " sift 5xx", 2.0);
      // Timed, not only counted: a direct call's duration is in the histogram.
      Scrape sift = scrape(grouped, "sift");
      assertThat(sift.value(REQUESTS + "_bucket", STATUS, "200", "le", "+Inf")).isEqualTo(3);
      assertThat(sift.value(REQUESTS + "_sum", STATUS, "200")).isPositive();
      assertThat(sift.value(PULLS + "_sum", "upstream", "head", "outcome", "ok")).isPositive();
    }

    /** Sends 7 calls to the sink, then reads every request and pull count of every service. */
    private Map<String, Double> counts(TestApp app) throws Exception {
      for (int i = 0; i < 7; i++) {
        app.get("sink");
      }
      Map<String, Double> counts = new TreeMap<>();
      for (String service : List.of("head", "sift", "sink")) {
        Scrape scrape = scrape(app, service);
        for (Scrape.Sample s : scrape.samples(REQUESTS + "_count")) {
          counts.put(service + " " + REQUESTS + " " + s.labels().get(STATUS), s.value());
        }
        for (Scrape.Sample s : scrape.samples(PULLS + "_count")) {
          if (s.value() > 0) {
            counts.put(
                service
                    + " "
                    + PULLS
                    + " "
                    + s.labels().get("upstream")
                    + " "
                    + s.labels().get("outcome"),
                s.value());
          }
        }
      }
      return counts;
    }
  }

  @Test
  @DisplayName("OTEL_* variables are OpenTelemetry's: kept for the tracer, never refused")
  void otelVariablesAreAccepted() {
    HostConfig config =
        HostConfig.defaults(
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://127.0.0.1:4318",
                "OTEL_BSP_SCHEDULE_DELAY",
                "50"));

    assertThat(config.otel())
        .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")
        .containsEntry("OTEL_BSP_SCHEDULE_DELAY", "50");
    assertThat(config.metrics()).isTrue();
    assertThatThrownBy(() -> HostConfig.defaults(Map.of("DYNINKA_METRIC", "false")))
        .hasMessageContaining("unknown setting DYNINKA_METRIC (did you mean DYNINKA_METRICS?)");
  }
}
