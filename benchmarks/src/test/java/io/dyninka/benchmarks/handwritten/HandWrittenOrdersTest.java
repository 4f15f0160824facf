package io.dyninka.benchmarks.handwritten;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.benchmarks.chain.ChainProcess;
import io.dyninka.benchmarks.chain.FanInStage;
import io.dyninka.benchmarks.chain.OrdersStages;
import io.dyninka.benchmarks.client.BlockingHttp;
import io.dyninka.manifest.AppManifest;
import io.dyninka.runtime.ServerTiming;
import io.dyninka.runtime.ServiceHost;
import io.dyninka.runtime.launch.LocalLauncher;
import io.dyninka.runtime.launch.RunningApp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The orders twin against the real Dyninka orders services, each in its own JVM as the benchmark
 * starts them: the same bodies to both sinks, in the same order, must get the same answers, so that
 * the benchmark compares two ways of doing the same work.
 */
@DisplayName("The hand-written orders app")
class HandWrittenOrdersTest {

  /**
   * Orders to price, free orders (filtered: 204), an invalid quantity (the user's function throws),
   * and bodies that are not orders; the invoice numbers count only the orders that reach invoice.
   */
  private static final List<String> BODIES =
      List.of(
          "{\"id\":\"o-1\",\"quantity\":3,\"unitPrice\":12.5,\"country\":\"FR\"}",
          "{\"id\":\"o-2\",\"quantity\":1,\"unitPrice\":0.0,\"country\":\"FR\"}",
          "{\"id\":\"o-3\",\"quantity\":7,\"unitPrice\":3.33,\"country\":\"DE\"}",
          "{\"id\":\"o-4\",\"quantity\":0,\"unitPrice\":9.0,\"country\":\"DE\"}",
          "{\"id\":\"o-5\",\"quantity\":2,\"unitPrice\":19.99,\"country\":\"US\"}",
          "{\"id\":\"o-6\",\"quantity\":-1,\"unitPrice\":0.0,\"country\":\"US\"}",
          "{\"id\":\"o-7\",\"quantity\":1000,\"unitPrice\":0.01,\"country\":\"FR\"}",
          "{\"id\":",
          "[1, 2]",
          "{\"id\":\"o-8\",\"quantity\":4,\"unitPrice\":2.5,\"country\":\"IT\"}");

  private static Vertx vertx;
  private static BlockingHttp http;
  private static RunningApp dyninka;
  private static int twinSink;

  @BeforeAll
  static void start() throws Exception {
    AppManifest manifest = ServiceHost.loadManifest("orders");
    dyninka =
        LocalLauncher.builder()
            .environment(Map.of("DYNINKA_HOST", ChainProcess.HOST))
            .logSink(line -> {})
            .build()
            .start(manifest);
    vertx = Vertx.vertx();
    http = new BlockingHttp(vertx);
    Map<String, URI> started = new LinkedHashMap<>();
    for (FanInStage stage : OrdersStages.FLOW) {
      List<URI> upstreams = stage.upstreams().stream().map(started::get).toList();
      FanInService service = new FanInService(stage, 0, upstreams);
      vertx.deployVerticle(service).await();
      started.put(
          stage.name(), URI.create("http://" + ChainProcess.HOST + ":" + service.actualPort()));
      twinSink = service.actualPort();
    }
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.close();
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (dyninka != null) {
      dyninka.close();
    }
  }

  @Test
  @DisplayName(
      "answers every body as the Dyninka services do: status, JSON, problem's service, Server-Timing names")
  void answersLikeDyninka() {
    URI sink = dyninka.entryUrl();
    List<Integer> statuses = new ArrayList<>();
    for (String body : BODIES) {
      BlockingHttp.Answer expected =
          http.post(sink.getHost(), sink.getPort(), "/", Buffer.buffer(body));
      BlockingHttp.Answer twin = http.post(ChainProcess.HOST, twinSink, "/", Buffer.buffer(body));

      assertThat(twin.status()).as("status for %s", body).isEqualTo(expected.status());
      statuses.add(twin.status());
      if (expected.status() == 200) {
        assertThat(new JsonObject(twin.body()))
            .as("answer for %s", body)
            .isEqualTo(new JsonObject(expected.body()));
      } else if (expected.status() != 204) {
        assertThat(new JsonObject(twin.body()).getString("service"))
            .as("where the problem with %s arose", body)
            .isEqualTo(new JsonObject(expected.body()).getString("service"));
      }
      assertThat(names(twin.serverTiming()))
          .as("Server-Timing names for %s", body)
          .isEqualTo(names(expected.serverTiming()));
    }
    assertThat(statuses).containsExactly(200, 204, 200, 500, 200, 500, 200, 400, 400, 200);
  }

  @Test
  @DisplayName("describes five services with nested main classes, invoice the stateful sink")
  void manifest() throws ReflectiveOperationException {
    AppManifest manifest = HandWrittenOrders.manifest();

    assertThat(manifest.sink()).isEqualTo("invoice");
    assertThat(manifest.services())
        .extracting(s -> s.name())
        .containsExactly("validate", "skipFree", "price", "vatRate", "invoice");
    assertThat(manifest.sinkService().stateful()).isTrue();
    for (var service : manifest.services()) {
      assertThat(Class.forName(service.mainClass()).getMethod("main", String[].class)).isNotNull();
    }
  }

  private static List<String> names(String serverTiming) {
    return ServerTiming.parse(serverTiming).stream().map(ServerTiming.Entry::service).toList();
  }
}
