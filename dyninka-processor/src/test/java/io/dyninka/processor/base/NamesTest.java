package io.dyninka.processor.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Names")
class NamesTest {

  @Nested
  @DisplayName("kebab-case")
  class KebabCase {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "SmartBuilding, smart-building",
      "filterTemperature, filter-temperature",
      "movingAvg, moving-avg",
      "get, get",
      "HTTPServer, http-server",
      "sensor2Reading, sensor2-reading",
      "map_reading, map-reading",
      "already-kebab, already-kebab",
      "Inc, inc"
    })
    @DisplayName("splits words at case changes and underscores")
    void splitsWords(String name, String kebab) {
      assertThat(Names.kebabCase(name)).isEqualTo(kebab);
    }
  }

  @Nested
  @DisplayName("PascalCase")
  class PascalCase {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "smart-building, SmartBuilding",
      "movingAvg, MovingAvg",
      "double-it, DoubleIt",
      "map_reading, MapReading"
    })
    @DisplayName("capitalises each word and drops the separators")
    void capitalises(String name, String pascal) {
      assertThat(Names.pascalCase(name)).isEqualTo(pascal);
    }
  }

  @Nested
  @DisplayName("DNS-1035 labels")
  class Dns1035 {
    @ParameterizedTest
    @ValueSource(strings = {"a", "smart-building", "get2", "a-b-c"})
    @DisplayName("accepts lower-case labels that start with a letter")
    void accepts(String label) {
      assertThat(Names.isDns1035Label(label)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Smart", "2get", "-a", "a-", "get.reading", "get$reading", "a_b"})
    @DisplayName("refuses anything else")
    void refuses(String label) {
      assertThat(Names.isDns1035Label(label)).isFalse();
    }

    @Test
    @DisplayName("refuses labels longer than 63 characters")
    void refusesLongLabels() {
      assertThat(Names.isDns1035Label("a".repeat(63))).isTrue();
      assertThat(Names.isDns1035Label("a".repeat(64))).isFalse();
    }
  }
}
