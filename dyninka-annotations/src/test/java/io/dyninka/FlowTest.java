package io.dyninka;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Flow.runLocal")
class FlowTest {

  record Reading(String variable, double value) {}

  static int next;
  static double total;
  static final List<String> calls = new ArrayList<>();

  static Reading read() {
    calls.add("read");
    int n = next++;
    return new Reading(n % 2 == 0 ? "Temperature" : "Humidity", n);
  }

  static Future<Reading> readAsync() {
    return Future.succeededFuture(read());
  }

  static Optional<Reading> onlyTemperature(Reading r) {
    calls.add("filter");
    return r.variable().equals("Temperature") ? Optional.of(r) : Optional.empty();
  }

  static double value(Reading r) {
    calls.add("value");
    return r.value();
  }

  static double accumulate(double v) {
    total += v;
    return total;
  }

  static Future<Double> half(double v) {
    return Future.succeededFuture(v / 2);
  }

  static double explode(Reading r) {
    throw new IllegalStateException("sensor offline");
  }

  static String label(double v, String unit) {
    return v + " " + unit;
  }

  static String unit() {
    return "°C";
  }

  static Reading parse(Reading r) {
    return r;
  }

  private static void reset() {
    next = 0;
    total = 0;
    calls.clear();
  }

  @Nested
  @DisplayName("runs the chain in this JVM")
  class Runs {

    @Test
    @DisplayName("through sync, async and optional steps, keeping static state between runs")
    void linearChain() {
      reset();
      Flow<Double> flow =
          Flow.fromAsync(FlowTest::readAsync)
              .thenOptional(FlowTest::onlyTemperature)
              .then(FlowTest::value)
              .then(FlowTest::accumulate);

      assertThat(flow.runLocal(null).await()).isEqualTo(0.0);
      assertThat(flow.runLocal(null).await()).isNull();
      assertThat(flow.runLocal(null).await()).isEqualTo(2.0);
      assertThat(flow.runLocal(null).await()).isNull();
      assertThat(flow.runLocal(null).await()).isEqualTo(6.0);
    }

    @Test
    @DisplayName("skips every step after one that filtered the item out")
    void filterSkipsTheRest() {
      reset();
      next = 1;
      Flow<Double> flow =
          Flow.from(FlowTest::read).thenOptional(FlowTest::onlyTemperature).then(FlowTest::value);

      assertThat(flow.runLocal(null).await()).isNull();
      assertThat(calls).containsExactly("read", "filter");
    }

    @Test
    @DisplayName("feeds the input of Flow.input to the first step")
    void input() {
      Flow<Double> flow =
          Flow.input(Reading.class)
              .then(FlowTest::parse)
              .then(FlowTest::value)
              .thenAsync(FlowTest::half);

      assertThat(flow.runLocal(new Reading("Temperature", 21)).await()).isEqualTo(10.5);
    }

    @Test
    @DisplayName("joins two flows with zip")
    void zip() {
      reset();
      Flow<String> flow =
          Flow.zip(
              Flow.from(FlowTest::read).then(FlowTest::value),
              Flow.from(FlowTest::unit),
              FlowTest::label);

      assertThat(flow.runLocal(null).await()).isEqualTo("0.0 °C");
    }

    @Test
    @DisplayName("fails the future with the exception a step threw")
    void failure() {
      Flow<Double> flow = Flow.from(FlowTest::read).then(FlowTest::explode);

      Future<Double> result = flow.runLocal(null);

      assertThat(result.failed()).isTrue();
      assertThat(result.cause())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("sensor offline");
    }
  }
}
