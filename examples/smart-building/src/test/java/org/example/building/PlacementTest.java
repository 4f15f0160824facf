package org.example.building;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.Dyninka;
import io.dyninka.Flow;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.runtime.ServiceHost;
import io.dyninka.runtime.launch.LocalLauncher;
import io.dyninka.runtime.launch.RunningApp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example's four services split, all in one JVM, and in a mixed grouping: for the same sensor
 * rows each answers exactly what {@code building().runLocal} answers, filtered rows included.
 */
@DisplayName("SmartBuilding, wherever its services run")
class PlacementTest {

  private static final List<SensorRow> ROWS =
      SensorDataset.generate(SensorDataset.DEFAULT_SEED).subList(0, 40);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @ParameterizedTest(name = "-Ddyninka.colocate={0}")
  @ValueSource(strings = {"", "all", "get+filterTemperature,map+movingAvg"})
  @DisplayName("answers as runLocal does, row by row")
  void sameAsRunLocal(String spec) throws Exception {
    List<Average> expected = localAnswers();
    AppManifest manifest = ServiceHost.loadManifest("smart-building");
    SensorServer sensor = SensorServer.start(Dyninka.vertx(), ROWS, "127.0.0.1", 0).await();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (RunningApp app =
        LocalLauncher.builder()
            .environment(Map.of("SENSOR_URL", sensor.url()))
            .logSink(System.out::println)
            .readinessTimeout(Duration.ofSeconds(120))
            .build()
            .start(manifest, Placement.parse(spec, manifest))) {
      for (int row = 0; row < expected.size(); row++) {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(app.entryUrl()).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Average want = expected.get(row);
        if (want == null) {
          assertThat(answer.statusCode()).as("row %d", row).isEqualTo(204);
        } else {
          assertThat(answer.statusCode()).as("row %d: %s", row, answer.body()).isEqualTo(200);
          JsonObject got = new JsonObject(answer.body());
          assertThat(got.getLong("count")).as("row %d", row).isEqualTo(want.count());
          assertThat(got.getDouble("average")).as("row %d", row).isEqualTo(want.average());
        }
      }
    } finally {
      sensor.close().await();
    }
  }

  /** runLocal over the same rows from the first, on fresh placed state; null for a filtered row. */
  private static List<Average> localAnswers() throws Exception {
    SensorServer sensor = SensorServer.start(Dyninka.vertx(), ROWS, "127.0.0.1", 0).await();
    System.setProperty("sensor.url", sensor.url());
    SmartBuilding.average = 0;
    SmartBuilding.count = 0;
    try {
      Flow<Average> flow = SmartBuilding.building();
      List<Average> answers = new ArrayList<>();
      for (int row = 0; row < ROWS.size(); row++) {
        Flow.Result<Average> result = flow.runLocalAndWait(null, TIMEOUT);
        answers.add(result.filtered() ? null : result.value());
      }
      return answers;
    } finally {
      System.clearProperty("sensor.url");
      sensor.close().await();
    }
  }
}
