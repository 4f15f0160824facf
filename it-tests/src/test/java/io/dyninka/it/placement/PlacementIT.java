package io.dyninka.it.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.runtime.JsonCodec;
import io.dyninka.runtime.launch.LocalLauncher;
import io.dyninka.runtime.launch.RunningApp;
import io.dyninka.runtime.launch.RunningService;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The invariant of placement: for the same inputs, the orders app answers exactly the same split
 * (one JVM per service), fully co-located, and in a mixed grouping, and as {@code Flow.runLocal}
 * does; bodies, statuses, problem types and paths, and the names of the Server-Timing entries.
 */
@DisplayName("The orders app, whatever its placement")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlacementIT {

  private static final List<String> PLACEMENTS =
      List.of("", "all", "validate+skipFree+price,vatRate+invoice", "skipFree+invoice");

  private final BuiltOrders project = new BuiltOrders();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final JsonCodec codec = new JsonCodec();
  private AppManifest manifest;
  private final List<Request> requests = new ArrayList<>();

  /** One request of the sequence: where it goes (the sink, or another service), body, route. */
  record Request(String service, String body, String route) {}

  @BeforeAll
  void sequence() throws Exception {
    manifest = project.manifest();
    Random random = new Random(7);
    String[] countries = {"FR", "DE", "US"};
    for (int i = 0; i < 60; i++) {
      String order =
          new JsonObject()
              .put("id", "o-" + i)
              .put("quantity", random.nextInt(8))
              .put("unitPrice", random.nextInt(4) == 0 ? 0.0 : 0.5 + random.nextInt(400) / 4.0)
              .put("country", countries[random.nextInt(countries.length)])
              .encode();
      requests.add(new Request("invoice", order, null));
    }
    String free = "{\"id\":\"free\",\"quantity\":2,\"unitPrice\":0,\"country\":\"FR\"}";
    requests.add(new Request("price", free, null));
    requests.add(new Request("price", free, "validate"));
    requests.add(new Request("invoice", "{\"id\": \"x\", \"quantity\": [", null));
    requests.add(new Request("invoice", free, "nowhere"));
    requests.add(new Request("skipFree", free, null));
  }

  @Test
  @DisplayName("split, all in one, and mixed groupings answer the same, and as Flow.runLocal does")
  void sameAnswersWhateverThePlacement() throws Exception {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (String spec : PLACEMENTS) {
      answers.put(spec, run(Placement.parse(spec, manifest)));
    }

    List<String> split = answers.get("");
    answers.forEach(
        (spec, seen) -> {
          for (int i = 0; i < requests.size(); i++) {
            assertThat(seen.get(i))
                .as("-Ddyninka.colocate=%s, %s", spec, requests.get(i))
                .isEqualTo(split.get(i));
          }
        });
    assertThat(split).anyMatch(s -> s.startsWith("204 ")).anyMatch(s -> s.startsWith("500 "));

    // The sink's answers are those of runLocal, run over a fresh copy of the user's classes.
    BuiltOrders.Loaded local = project.load(manifest.source());
    for (int i = 0; i < requests.size(); i++) {
      Request request = requests.get(i);
      if (!request.service().equals("invoice") || request.route() != null || i >= 60) {
        continue;
      }
      Object order = codec.mapper().readValue(request.body(), local.orderType());
      Object expected;
      try {
        expected = local.flow().runLocal(order).toCompletionStage().toCompletableFuture().get();
      } catch (java.util.concurrent.ExecutionException failed) {
        assertThat(split.get(i)).as(request.body()).startsWith("500 ");
        continue;
      }
      assertThat(split.get(i))
          .as(request.body())
          .startsWith(
              expected == null
                  ? "204 "
                  : "200 " + new JsonObject(codec.encode(expected).toString()).encode() + " ");
    }
  }

  /** Starts the app as {@code placement} says, answers the sequence, and stops it. */
  private List<String> run(Placement placement) throws Exception {
    List<String> seen = new ArrayList<>();
    try (RunningApp app =
        LocalLauncher.builder()
            .classpath(project.classpath())
            .logSink(System.out::println)
            .readinessTimeout(Duration.ofSeconds(120))
            .build()
            .start(manifest, placement)) {
      System.out.println(app.table());
      long processes = app.services().stream().map(RunningService::pid).distinct().count();
      assertThat(processes).isEqualTo(placement.groups().size());
      for (Request request : requests) {
        seen.add(describe(post(app.url(request.service()).resolve("/"), request)));
      }
    }
    return seen;
  }

  /**
   * What a client sees: the status, the body (as JSON, or the problem's type, service and path: its
   * detail may name a port) and the names of the Server-Timing entries.
   */
  private static String describe(HttpResponse<String> answer) {
    String body = answer.body();
    String content;
    if (answer.headers().firstValue("content-type").orElse("").contains("problem+json")) {
      JsonObject problem = new JsonObject(body);
      content =
          problem.getString("type")
              + " "
              + problem.getString("service")
              + " "
              + problem.getJsonArray("path");
    } else {
      content = body.isEmpty() ? "-" : new JsonObject(body).encode();
    }
    List<String> names =
        Arrays.stream(answer.headers().firstValue("Server-Timing").orElse("").split(", "))
            .map(entry -> entry.split(";")[0])
            .toList();
    return answer.statusCode() + " " + content + " " + names;
  }

  private HttpResponse<String> post(URI uri, Request request) throws Exception {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(request.body()));
    if (request.route() != null) {
      builder.header("Dyninka-Route", request.route());
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }
}
