package io.dyninka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
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

  static String city(JsonObject address) {
    return address.getString("city");
  }

  static Optional<Reading> nothing(Reading r) {
    return Optional.empty();
  }

  static Reading nullReading(Reading r) {
    return null;
  }

  static Future<Reading> never(Reading r) {
    return Promise.<Reading>promise().future();
  }

  private static final Duration WAIT = Duration.ofSeconds(5);

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

  @Nested
  @DisplayName("with a hop")
  class WithHop {

    @Test
    @DisplayName(
        "passes the body, every step's output, both zip branches and the answer through it")
    void everyHop() {
      List<Object> carried = new ArrayList<>();
      Flow.Hop hop =
          value -> {
            carried.add(value);
            return value instanceof Double d ? d + 1 : value;
          };
      Flow<Double> branch = Flow.input(Reading.class).then(FlowTest::value);
      Flow<Double> flow =
          Flow.zip(branch, Flow.input(Reading.class).then(FlowTest::value), Double::sum);

      Flow.Result<Double> result = flow.runLocalAndWait(new Reading("Temperature", 2), WAIT, hop);

      // Each branch gets 2+1 from its hop into zip; the answer's hop adds 1 to 3+3.
      assertThat(result.value()).isEqualTo(7.0);
      assertThat(carried)
          .containsExactlyInAnyOrder(
              new Reading("Temperature", 2), new Reading("Temperature", 2), 2.0, 2.0, 6.0);
    }

    @Test
    @DisplayName("fails the run as a step would when the hop refuses a value")
    void refused() {
      Flow.Hop refuse =
          value -> {
            if (value instanceof Double) {
              throw new IllegalStateException("cannot travel");
            }
            return value;
          };
      Flow<String> flow = Flow.input(Reading.class).then(FlowTest::value).then(String::valueOf);

      assertThat(flow.runLocal(new Reading("Temperature", 1), refuse).cause())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("cannot travel");
      assertThat(flow.runLocal(new Reading("Temperature", 1), Flow.Hop.NONE).result())
          .isEqualTo("1.0");
    }
  }

  @Nested
  @DisplayName("runLocalAndWait, for tests")
  class AndWait {

    @Test
    @DisplayName("gives the value of the last step, after its async steps completed")
    void value() {
      Flow<Double> flow = Flow.input(Reading.class).then(FlowTest::value).thenAsync(FlowTest::half);

      Flow.Result<Double> result = flow.runLocalAndWait(new Reading("Temperature", 21), WAIT);

      assertThat(result.filtered()).isFalse();
      assertThat(result.value()).isEqualTo(10.5);
      assertThat(result.toOptional()).contains(10.5);
    }

    @Test
    @DisplayName("says a filtered item apart from a null value")
    void filteredIsNotNull() {
      Reading reading = new Reading("Temperature", 1);
      Flow.Result<Reading> filtered =
          Flow.input(Reading.class).thenOptional(FlowTest::nothing).runLocalAndWait(reading, WAIT);
      Flow.Result<Reading> nullValue =
          Flow.input(Reading.class).then(FlowTest::nullReading).runLocalAndWait(reading, WAIT);

      assertThat(filtered.filtered()).isTrue();
      assertThatThrownBy(filtered::value)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("filtered the item out");
      assertThat(nullValue.filtered()).isFalse();
      assertThat(nullValue.value()).isNull();
    }

    @Test
    @DisplayName("throws the exception a step threw")
    void failure() {
      Flow<Double> flow = Flow.from(FlowTest::read).then(FlowTest::explode);

      assertThatThrownBy(() -> flow.runLocalAndWait(null, WAIT))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("sensor offline");
    }

    @Test
    @DisplayName("gives up after the timeout when an async step never completes")
    void timeout() {
      Flow<Reading> flow = Flow.input(Reading.class).thenAsync(FlowTest::never);

      assertThatThrownBy(
              () -> flow.runLocalAndWait(new Reading("Temperature", 1), Duration.ofMillis(50)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("did not finish within PT0.05S")
          .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
    }
  }

  @Nested
  @DisplayName("converts the input of Flow.input")
  class Inputs {

    @Test
    @DisplayName("from a JSON string to JsonObject")
    void jsonString() {
      Flow<String> flow = Flow.input(JsonObject.class).then(FlowTest::city);

      assertThat(flow.runLocalAndWait("{\"city\":\"Lyon\"}", WAIT).value()).isEqualTo("Lyon");
    }

    @Test
    @DisplayName("refuses an input of another type, naming the expected one")
    void wrongType() {
      Flow<Double> flow = Flow.input(Reading.class).then(FlowTest::value);

      Future<Double> result = flow.runLocal(42);

      assertThat(result.failed()).isTrue();
      assertThat(result.cause())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "runLocal: Flow.input(Reading.class) takes a io.dyninka.FlowTest.Reading, a"
                  + " JsonObject or a JSON string, not a java.lang.Integer");
    }

    /**
     * This module depends on vertx-core alone, which maps JSON to a record only with
     * jackson-databind on the class path; the processor's tests, which have it, check the
     * conversion itself.
     */
    @Test
    @DisplayName("refuses a JsonObject it cannot convert with a message naming the type")
    void jsonObjectWithoutDatabind() {
      Flow<Double> flow = Flow.input(Reading.class).then(FlowTest::value);

      assertThatThrownBy(
              () ->
                  flow.runLocalAndWait(
                      new JsonObject().put("variable", "Temperature").put("value", 2.0), WAIT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              "runLocal: cannot convert the JsonObject input to io.dyninka.FlowTest.Reading, the"
                  + " input type of Flow.input(Reading.class): ");
    }
  }

  @Nested
  @DisplayName("runs a sub-flow used twice once per input")
  class SharedSubFlows {

    @Test
    @DisplayName("a shared step runs once per run, and both branches get its item")
    void sharedStepOncePerRun() {
      reset();
      Flow<Reading> temperature = Flow.from(FlowTest::read).thenOptional(FlowTest::onlyTemperature);
      Flow<String> flow =
          Flow.zip(
              temperature.then(FlowTest::value),
              temperature.then(r -> "°" + r.variable()),
              FlowTest::label);

      assertThat(flow.runLocalAndWait(null, WAIT).value()).isEqualTo("0.0 °Temperature");
      assertThat(calls).containsExactly("read", "filter", "value");
    }

    @Test
    @DisplayName("a shared step that filters the item out filters the run, and no branch runs")
    void sharedFilter() {
      reset();
      next = 1; // a humidity reading
      Flow<Reading> temperature = Flow.from(FlowTest::read).thenOptional(FlowTest::onlyTemperature);
      Flow<String> flow =
          Flow.zip(temperature.then(FlowTest::value), temperature.then(r -> "x"), FlowTest::label);

      assertThat(flow.runLocalAndWait(null, WAIT).filtered()).isTrue();
      assertThat(calls).containsExactly("read", "filter");
    }

    @Test
    @DisplayName("each run evaluates the shared sub-flow anew")
    void eachRunAnew() {
      reset();
      Flow<Reading> reading = Flow.from(FlowTest::read);
      Flow<String> flow =
          Flow.zip(reading.then(FlowTest::value), reading.then(Reading::variable), FlowTest::label);

      assertThat(flow.runLocalAndWait(null, WAIT).value()).isEqualTo("0.0 Temperature");
      assertThat(flow.runLocalAndWait(null, WAIT).value()).isEqualTo("1.0 Humidity");
      assertThat(calls).containsExactly("read", "value", "read", "value");
    }
  }
}
