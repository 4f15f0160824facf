package io.dyninka.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dyninka.Flow;
import io.dyninka.manifest.AppManifest;
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
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The orders app, built by a real Maven run with the installed processor, runs as one JVM per
 * service from its manifest, and answers exactly as {@code Flow.runLocal} does.
 */
@DisplayName("The orders app, distributed over one JVM per service")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrdersIT {

  private final UserProject project = new UserProject("orders");
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final JsonCodec codec = new JsonCodec();
  private AppManifest manifest;
  private RunningApp app;

  @BeforeAll
  void startServices() throws Exception {
    manifest = project.manifest("orders");
    app =
        LocalLauncher.builder()
            .classpath(project.classpath())
            .logSink(line -> System.out.println(line))
            .readinessTimeout(Duration.ofSeconds(60))
            .build()
            .start(manifest);
    System.out.println(app.table());
  }

  @AfterAll
  void stopServicesAndCheckNoneIsLeft() {
    List<Long> pids = app.services().stream().map(RunningService::pid).toList();
    app.close();
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
          .as("process %d after close", pid)
          .isEmpty();
    }
  }

  @Test
  @Order(1)
  @DisplayName("gives exactly the answers of Flow.runLocal for 200 orders, filtered ones included")
  void matchesRunLocal() throws Exception {
    Flow<?> local = project.localFlow(manifest.source());
    Class<?> orderType = project.load(manifest.source() + "$Order");
    ObjectMapper mapper = codec.mapper();
    Random random = new Random(42);
    String[] countries = {"FR", "DE", "US"};
    int filtered = 0;
    for (int i = 0; i < 200; i++) {
      String order =
          new JsonObject()
              .put("id", "o-" + i)
              .put("quantity", 1 + random.nextInt(9))
              .put("unitPrice", random.nextInt(5) == 0 ? 0.0 : 0.5 + random.nextInt(400) / 4.0)
              .put("country", countries[random.nextInt(countries.length)])
              .encode();

      HttpResponse<String> answer = post(app.entryUrl(), order, null);
      Object expected =
          local
              .runLocal(mapper.readValue(order, orderType))
              .toCompletionStage()
              .toCompletableFuture()
              .get();

      if (expected == null) {
        filtered++;
        assertThat(answer.statusCode()).as(order).isEqualTo(204);
      } else {
        assertThat(answer.statusCode()).as(order).isEqualTo(200);
        assertThat(new JsonObject(answer.body()))
            .as(order)
            .isEqualTo(new JsonObject(codec.encode(expected)));
        assertThat(answer.headers().firstValue("Server-Timing").orElseThrow())
            .contains(
                "validate;dur=", "skipFree;dur=", "price;dur=", "vatRate;dur=", "invoice;dur=");
      }
    }
    assertThat(filtered).isPositive().isLessThan(200);
  }

  @Test
  @DisplayName("follows a custom route: price pulled straight from validate prices a free order")
  void customRoute() throws Exception {
    String free = "{\"id\":\"free\",\"quantity\":2,\"unitPrice\":0,\"country\":\"FR\"}";
    URI price = app.url("price");

    assertThat(post(price, free, null).statusCode()).isEqualTo(204);
    HttpResponse<String> routed = post(price, free, "validate");
    assertThat(routed.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(routed.body()))
        .isEqualTo(new JsonObject().put("id", "free").put("net", 0.0));
  }

  @Test
  @DisplayName(
      "answers a user exception as problem+json that names the service, with its path to the client")
  void userException() throws Exception {
    HttpResponse<String> answer =
        post(
            app.entryUrl(),
            "{\"id\":\"bad\",\"quantity\":0,\"unitPrice\":3,\"country\":\"FR\"}",
            null);

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonObject problem = new JsonObject(answer.body());
    assertThat(problem.getString("service")).isEqualTo("validate");
    assertThat(problem.getString("detail")).contains("quantity must be positive, was 0");
    assertThat(problem.getJsonArray("path").getList())
        .containsExactly("validate", "skipFree", "price", "invoice");
  }

  @Test
  @DisplayName("answers a malformed body with 400, and the chain still answers the next request")
  void malformedBody() throws Exception {
    HttpResponse<String> bad = post(app.entryUrl(), "{\"id\": \"x\", \"quantity\": [", null);

    assertThat(bad.statusCode()).isEqualTo(400);
    JsonObject problem = new JsonObject(bad.body());
    assertThat(problem.getString("type")).endsWith("/bad-request");
    assertThat(problem.getJsonArray("path").getList()).last().isEqualTo("invoice");

    HttpResponse<String> good =
        post(
            app.url("price"),
            "{\"id\":\"ok\",\"quantity\":2,\"unitPrice\":1.5,\"country\":\"DE\"}",
            null);
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(good.body()).getDouble("net")).isEqualTo(3.0);
    assertThat(app.isAlive()).isTrue();
  }

  private HttpResponse<String> post(URI uri, String body, String route) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (route != null) {
      request.header("Dyninka-Route", route);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
