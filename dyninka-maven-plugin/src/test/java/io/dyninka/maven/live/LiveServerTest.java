package io.dyninka.maven.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.testing.Manifests;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The live page's server on a real socket, scraping services that answer a fixed /metrics. */
class LiveServerTest {

  static final AppManifest APP = Manifests.smartBuilding();

  HttpServer services;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void fakeServices() throws IOException {
    services = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    byte[] metrics = LiveStatsTest.metrics(30, 10, 5, 2).getBytes(StandardCharsets.UTF_8);
    services.createContext(
        "/metrics",
        exchange -> {
          try (exchange) {
            exchange.sendResponseHeaders(200, metrics.length);
            exchange.getResponseBody().write(metrics);
          }
        });
    services.start();
  }

  @AfterEach
  void stop() {
    services.stop(0);
  }

  Map<String, URI> urls(boolean movingAvgUp) {
    Map<String, URI> urls = new LinkedHashMap<>();
    URI up = URI.create("http://127.0.0.1:" + services.getAddress().getPort() + "/");
    APP.services().forEach(s -> urls.put(s.name(), up));
    if (!movingAvgUp) {
      urls.put("movingAvg", URI.create("http://127.0.0.1:1/"));
    }
    return urls;
  }

  HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("serves the page with the graph inline, and every service's numbers at /api/stats")
  void servesPageAndStats() throws Exception {
    try (LiveServer live = LiveServer.start(APP, urls(false))) {
      HttpResponse<String> page = get(live.url());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
      assertThat(page.body())
          .contains("<svg", "data-name=\"filterTemperature\"", "/api/stats")
          .doesNotContain("<?xml", "{{graph}}", "<script src", "<link");

      JsonObject map = null;
      JsonObject avg = null;
      for (int i = 0; i < 100 && (map == null || avg == null || !avg.containsKey("problem")); i++) {
        JsonObject stats = new JsonObject(get(live.url().resolve("/api/stats")).body());
        map = find(stats, "map");
        avg = find(stats, "movingAvg");
        if (map == null || !map.getBoolean("up")) {
          map = null;
        }
        Thread.sleep(100);
      }
      assertThat(map).as("map scraped").isNotNull();
      assertThat(map.getLong("requests")).isEqualTo(40);
      assertThat(map.getLong("serverErrors")).isEqualTo(10);
      assertThat(map.getLong("inFlight")).isEqualTo(2);
      assertThat(avg.getBoolean("up")).isFalse();
      assertThat(avg.getString("problem")).contains("127.0.0.1:1/metrics");

      assertThat(get(live.url().resolve("/nothing")).statusCode()).isEqualTo(404);
    }
  }

  @Test
  @DisplayName("closes its port when closed")
  void closes() throws Exception {
    URI url;
    try (LiveServer live = LiveServer.start(APP, urls(true))) {
      url = live.url();
      assertThat(get(url).statusCode()).isEqualTo(200);
    }
    assertThatThrownBy(() -> get(url)).isInstanceOf(IOException.class);
  }

  private static JsonObject find(JsonObject stats, String service) {
    return stats.getJsonArray("services").stream()
        .map(JsonObject.class::cast)
        .filter(s -> s.getString("service").equals(service))
        .findFirst()
        .orElse(null);
  }
}
