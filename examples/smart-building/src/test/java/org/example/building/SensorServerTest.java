package org.example.building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SensorServer")
class SensorServerTest {

  private static final List<SensorRow> ROWS = SensorDataset.generate(1).subList(0, 3);

  private static Vertx vertx;
  private static HttpClientAgent client;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
    client = vertx.createHttpClient();
  }

  @AfterAll
  static void stopVertx() {
    vertx.close().await();
  }

  @Test
  @DisplayName("answers one row per GET, in order, and starts over after the last")
  void cyclesRows() {
    SensorServer sensor = SensorServer.start(vertx, ROWS, "127.0.0.1", 0).await();
    try {
      List<JsonObject> answers = List.of(get(sensor), get(sensor), get(sensor), get(sensor));
      assertThat(answers)
          .containsExactly(
              ROWS.get(0).toJson(),
              ROWS.get(1).toJson(),
              ROWS.get(2).toJson(),
              ROWS.get(0).toJson());
      assertThat(sensor.served()).isEqualTo(4);
      assertThat(Reading.fromSensorJson(answers.get(0)).variable())
          .isEqualTo(ROWS.get(0).variable());
    } finally {
      sensor.close().await();
    }
  }

  @Test
  @DisplayName("answers 404 off its one path and 405 to anything but GET, serving no row")
  void rejectsOtherRequests() {
    SensorServer sensor = SensorServer.start(vertx, ROWS, "127.0.0.1", 0).await();
    try {
      assertThat(status(sensor, HttpMethod.GET, "/rows")).isEqualTo(404);
      assertThat(status(sensor, HttpMethod.POST, "/")).isEqualTo(405);
      assertThat(sensor.served()).isZero();
    } finally {
      sensor.close().await();
    }
  }

  @Test
  @DisplayName("stops listening when closed")
  void closes() {
    SensorServer sensor = SensorServer.start(vertx, ROWS, "127.0.0.1", 0).await();
    int port = sensor.port();
    sensor.close().await();
    boolean refused =
        client
            .request(HttpMethod.GET, port, "127.0.0.1", "/")
            .compose(req -> req.send())
            .transform(answer -> Future.succeededFuture(answer.failed()))
            .await();
    assertThat(refused).isTrue();
  }

  @Test
  @DisplayName("refuses to start without rows")
  void needsRows() {
    assertThatThrownBy(() -> SensorServer.start(vertx, List.of(), "127.0.0.1", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one row");
  }

  private static JsonObject get(SensorServer sensor) {
    return client
        .request(HttpMethod.GET, sensor.port(), "127.0.0.1", "/")
        .compose(req -> req.send().compose(resp -> resp.body()))
        .await()
        .toJsonObject();
  }

  private static int status(SensorServer sensor, HttpMethod method, String path) {
    return client
        .request(method, sensor.port(), "127.0.0.1", path)
        .compose(req -> req.send())
        .map(resp -> resp.statusCode())
        .await();
  }
}
