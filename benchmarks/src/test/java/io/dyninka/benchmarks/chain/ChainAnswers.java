package io.dyninka.benchmarks.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.benchmarks.client.BlockingHttp;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.example.building.SensorDataset;
import org.example.building.SensorRow;

/** What every system must answer for the fixture's rows, in order: the Dyninka protocol's shape. */
public final class ChainAnswers {

  private ChainAnswers() {}

  /**
   * Calls {@code path} once per fixture row and checks each answer: 200 with a growing {@code
   * Average} and four Server-Timing entries for a temperature, 204 with entries from get and
   * filterTemperature first otherwise.
   */
  public static void check(BlockingHttp http, int port, String path) {
    List<SensorRow> rows = ChainFixture.ROWS;
    long lastCount = -1;
    for (SensorRow row : rows) {
      BlockingHttp.Answer answer = http.get(ChainProcess.HOST, port, path);
      assertThat(answer.serverTiming())
          .as("Server-Timing of %s answer %s", answer.status(), answer.body())
          .isNotNull();
      String[] entries = answer.serverTiming().split(",\\s*");
      if (SensorDataset.TEMPERATURE.equals(row.variable())) {
        assertThat(answer.status()).as("answer for %s", row).isEqualTo(200);
        assertThat(entries)
            .extracting(e -> e.substring(0, e.indexOf(';')))
            .containsExactly("get", "filterTemperature", "map", "movingAvg");
        JsonObject average = new JsonObject(answer.body());
        assertThat(average.fieldNames()).containsExactlyInAnyOrder("average", "count");
        if (lastCount >= 0) {
          assertThat(average.getLong("count")).isEqualTo(lastCount + 1);
        }
        lastCount = average.getLong("count");
      } else {
        assertThat(answer.status()).as("answer for %s", row).isEqualTo(204);
        // Services after the filter may add an entry of 0 (a pull chain) or not be called at all.
        assertThat(entries)
            .extracting(e -> e.substring(0, e.indexOf(';')))
            .startsWith("get", "filterTemperature");
      }
    }
    assertThat(lastCount).as("some rows were temperatures").isPositive();
  }
}
