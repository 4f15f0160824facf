package org.example.building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SensorDataset")
class SensorDatasetTest {

  // Generating the month takes a fraction of a second; one copy serves every shape test.
  private static final List<SensorRow> ROWS = SensorDataset.generate(SensorDataset.DEFAULT_SEED);

  @Nested
  @DisplayName("is deterministic")
  class Determinism {

    @Test
    @DisplayName("the same seed gives byte-identical CSV")
    void sameSeedSameBytes() {
      String first = SensorCsv.toCsv(ROWS);
      String second = SensorCsv.toCsv(SensorDataset.generate(SensorDataset.DEFAULT_SEED));
      assertThat(second.getBytes(StandardCharsets.UTF_8))
          .isEqualTo(first.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("another seed gives other values")
    void otherSeedOtherRows() {
      assertThat(SensorDataset.generate(7)).isNotEqualTo(ROWS);
    }
  }

  @Nested
  @DisplayName("has the shape of the paper's data set")
  class Shape {

    @Test
    @DisplayName("about 50,000 rows")
    void aboutFiftyThousandRows() {
      assertThat(ROWS).hasSizeBetween(48_000, 52_000);
    }

    @Test
    @DisplayName("one month, March 2021, in timestamp order")
    void oneMonthInOrder() {
      assertThat(ROWS.get(0).timestamp().toLocalDate()).isEqualTo(LocalDate.of(2021, 3, 1));
      assertThat(ROWS.get(ROWS.size() - 1).timestamp().toLocalDate())
          .isEqualTo(LocalDate.of(2021, 3, 31));
      assertThat(ROWS).isSortedAccordingTo(Comparator.comparing(SensorRow::timestamp));
      assertThat(ROWS.stream().map(r -> r.timestamp().toLocalDate()).distinct()).hasSize(31);
    }

    @Test
    @DisplayName("six variables with their units, from several sensors")
    void variablesAndSensors() {
      Map<String, Set<String>> units =
          ROWS.stream()
              .collect(
                  Collectors.groupingBy(
                      SensorRow::variable,
                      Collectors.mapping(SensorRow::units, Collectors.toSet())));
      assertThat(units)
          .containsOnlyKeys("Temperature", "Humidity", "CO2", "Occupancy", "Light", "Sound")
          .containsEntry("Temperature", Set.of("Celsius"))
          .containsEntry("CO2", Set.of("ppm"));
      assertThat(ROWS.stream().map(SensorRow::sensor).distinct().count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    @DisplayName("about one row in six is a Temperature, at indoor values")
    void temperatureShare() {
      List<SensorRow> temperatures = temperatures(ROWS);
      assertThat((double) temperatures.size() / ROWS.size()).isBetween(0.15, 0.18);
      assertThat(temperatures).allSatisfy(r -> assertThat(r.value()).isBetween(14.0, 28.0));
    }

    @Test
    @DisplayName("temperatures follow a daily cycle: afternoons are warmer than nights")
    void dailyCycle() {
      assertThat(meanTemperatureAt(15)).isGreaterThan(meanTemperatureAt(3) + 1.0);
    }

    private double meanTemperatureAt(int hour) {
      return temperatures(ROWS).stream()
          .filter(r -> r.timestamp().getHour() == hour)
          .mapToDouble(SensorRow::value)
          .average()
          .orElseThrow();
    }
  }

  @Nested
  @DisplayName("as CSV")
  class Csv {

    @Test
    @DisplayName("has the Urban Observatory header, quoted")
    void header() {
      String csv = SensorCsv.toCsv(ROWS.subList(0, 2));
      assertThat(csv)
          .startsWith(
              "\"Sensor Name\",\"Variable\",\"Units\",\"Timestamp\",\"Value\",\"Location (WKT)\","
                  + "\"Ground Height Above Sea Level\",\"Broker Name\"\n");
      assertThat(csv.lines()).hasSize(3);
    }

    @Test
    @DisplayName("reads back to the same rows")
    void roundTrip() throws Exception {
      assertThat(SensorCsv.read(new StringReader(SensorCsv.toCsv(ROWS)))).isEqualTo(ROWS);
    }

    @Test
    @DisplayName("writes a file that reads back, and main writes one too")
    void file(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("sub/month.csv");
      SensorCsv.write(ROWS.subList(0, 100), file);
      assertThat(SensorCsv.read(file)).isEqualTo(ROWS.subList(0, 100));
      assertThat(dir.resolve("sub")).isDirectoryNotContaining("glob:**.tmp");

      Path fromMain = dir.resolve("main.csv");
      SensorDataset.main(new String[] {fromMain.toString()});
      assertThat(Files.readString(fromMain)).isEqualTo(SensorCsv.toCsv(ROWS));
    }

    @Test
    @DisplayName("reads by column name, so extra export columns do no harm")
    void extraColumns() throws Exception {
      String csv =
          "\"Sensor Name\",\"Raw ID\",\"Variable\",\"Units\",\"Timestamp\",\"Value\"\n"
              + "\"PER_X\",\"17\",\"Temperature\",\"Celsius\",\"2021-03-04 05:06:07\",21.5\n";
      SensorRow row = SensorCsv.read(new StringReader(csv)).get(0);
      assertThat(row.sensor()).isEqualTo("PER_X");
      assertThat(row.value()).isEqualTo(21.5);
      assertThat(row.location()).isEmpty();
    }

    @Test
    @DisplayName("names the missing column")
    void missingColumn() {
      assertThatThrownBy(() -> SensorCsv.read(new StringReader("\"Sensor Name\",\"Variable\"\n")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"Units\"");
    }

    @Test
    @DisplayName("names the line and column of a malformed value")
    void malformedValue() {
      String csv =
          "\"Sensor Name\",\"Variable\",\"Units\",\"Timestamp\",\"Value\"\n"
              + "a,Temperature,Celsius,2021-03-01 00:00:00,21\n"
              + "a,Temperature,Celsius,2021-03-01 00:30:00,warm\n";
      assertThatThrownBy(() -> SensorCsv.read(new StringReader(csv)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("line 3")
          .hasMessageContaining("\"Value\"")
          .hasMessageContaining("warm");
    }
  }

  static List<SensorRow> temperatures(List<SensorRow> rows) {
    return rows.stream().filter(r -> r.variable().equals("Temperature")).toList();
  }
}
