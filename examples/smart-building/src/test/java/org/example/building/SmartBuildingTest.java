package org.example.building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dyninka.Dyninka;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SmartBuilding")
class SmartBuildingTest {

  // The first day and a half: enough to cross filtered and kept rows many times.
  private static final List<SensorRow> ROWS =
      SensorDataset.generate(SensorDataset.DEFAULT_SEED).subList(0, 2_500);

  private SensorServer sensor;

  @BeforeEach
  void startSensorAndResetState() {
    // A fresh endpoint per test, so every test reads the rows from the first.
    sensor = SensorServer.start(Dyninka.vertx(), ROWS, "127.0.0.1", 0).await();
    System.setProperty("sensor.url", sensor.url());
    SmartBuilding.average = 0;
    SmartBuilding.count = 0;
  }

  @AfterEach
  void stopSensor() {
    System.clearProperty("sensor.url");
    sensor.close().await();
  }

  @Nested
  @DisplayName("building().runLocal")
  class RunLocal {

    @Test
    @DisplayName("answers the running average of the temperatures, computed independently")
    void runningAverage() throws Exception {
      List<Average> answers = new ArrayList<>();
      for (int i = 0; i < ROWS.size(); i++) {
        // A bounded wait: a lost answer fails the test instead of hanging the build.
        answers.add(SmartBuilding.building().runLocal(null).await(10, TimeUnit.SECONDS));
      }

      double sum = 0;
      long seen = 0;
      for (int i = 0; i < ROWS.size(); i++) {
        SensorRow row = ROWS.get(i);
        if (row.variable().equals("Temperature")) {
          sum += row.value();
          seen++;
          assertThat(answers.get(i).count()).isEqualTo(seen);
          assertThat(answers.get(i).average()).isCloseTo(sum / seen, within(1e-9));
        } else {
          assertThat(answers.get(i))
              .as("row %d, a %s, is filtered out", i, row.variable())
              .isNull();
        }
      }
      assertThat(seen).as("temperature rows in the sample").isBetween(300L, 500L);
      assertThat(sensor.served()).isEqualTo(ROWS.size());
    }

    @Test
    @DisplayName("fails, naming the cause, when the sensor endpoint is gone")
    void sensorGone() {
      SensorServer gone = SensorServer.start(Dyninka.vertx(), ROWS, "127.0.0.1", 0).await();
      String url = gone.url();
      gone.close().await();
      System.setProperty("sensor.url", url);
      assertThatThrownBy(() -> SmartBuilding.building().runLocal(null).await())
          .hasMessageContaining(String.valueOf(URI.create(url).getPort()));
      assertThat(SmartBuilding.count).isZero();
    }
  }

  @Nested
  @DisplayName("its services")
  class Services {

    @Test
    @DisplayName("get reads the endpoint's next row as a Reading")
    void get() {
      Reading reading = SmartBuilding.get().await();
      SensorRow first = ROWS.get(0);
      assertThat(reading)
          .isEqualTo(
              new Reading(
                  first.sensor(),
                  first.variable(),
                  first.units(),
                  first.timestamp().toInstant(ZoneOffset.UTC).toEpochMilli(),
                  first.value()));
    }

    @Test
    @DisplayName("filterTemperature keeps temperatures only")
    void filterTemperature() {
      Reading temperature = new Reading("s", "Temperature", "Celsius", 0, 21.5);
      Reading humidity = new Reading("s", "Humidity", "%", 0, 40);
      assertThat(SmartBuilding.filterTemperature(temperature)).contains(temperature);
      assertThat(SmartBuilding.filterTemperature(humidity)).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("map extracts the value")
    void map() {
      assertThat(SmartBuilding.map(new Reading("s", "Temperature", "Celsius", 0, 21.5)))
          .isEqualTo(21.5);
    }

    @Test
    @DisplayName("movingAvg keeps the mean and the count between calls")
    void movingAvg() {
      assertThat(SmartBuilding.movingAvg(20)).isEqualTo(new Average(20, 1));
      assertThat(SmartBuilding.movingAvg(22)).isEqualTo(new Average(21, 2));
      assertThat(SmartBuilding.movingAvg(24)).isEqualTo(new Average(22, 3));
    }
  }

  @Nested
  @DisplayName("configuration and input")
  class Input {

    @Test
    @DisplayName("-Dsensor.url names the endpoint, else the default")
    void sensorUrl() {
      assertThat(SmartBuilding.sensorUrl()).isEqualTo(sensor.url());
      System.clearProperty("sensor.url");
      // SENSOR_URL is unset in the build; were it set, it would be the answer.
      String env = System.getenv("SENSOR_URL");
      assertThat(SmartBuilding.sensorUrl())
          .isEqualTo(env == null || env.isBlank() ? SmartBuilding.DEFAULT_SENSOR_URL : env.trim());
    }

    @Test
    @DisplayName("a sensor row reads as UTC")
    void utcTimestamp() {
      JsonObject row = ROWS.get(0).toJson().put("Timestamp", "2021-03-01 12:00:00");
      assertThat(Reading.fromSensorJson(row).timestamp())
          .isEqualTo(Instant.parse("2021-03-01T12:00:00Z").toEpochMilli());
    }

    @Test
    @DisplayName("a sensor row without a column is rejected, naming the column")
    void missingColumn() {
      JsonObject row = ROWS.get(0).toJson();
      row.remove("Value");
      assertThatThrownBy(() -> Reading.fromSensorJson(row))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"Value\"");
    }
  }
}
