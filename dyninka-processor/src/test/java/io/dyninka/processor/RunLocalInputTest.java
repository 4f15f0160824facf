package io.dyninka.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.Flow;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code Flow.runLocal} converting a JSON input to the head's type. Tested here rather than in
 * dyninka-annotations, which depends on vertx-core alone: the conversion needs jackson-databind,
 * which this module's tests have, as a user's tests have it through dyninka-runtime.
 */
@DisplayName("Flow.runLocal with jackson-databind on the class path")
class RunLocalInputTest {

  public record Order(String id, int quantity) {}

  static int quantity(Order order) {
    return order.quantity();
  }

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final Flow<Integer> flow = Flow.input(Order.class).then(RunLocalInputTest::quantity);

  @Test
  @DisplayName("converts a JsonObject input to the head's input type")
  void jsonObject() {
    JsonObject order = new JsonObject().put("id", "o-1").put("quantity", 3);

    assertThat(flow.runLocalAndWait(order, WAIT).value()).isEqualTo(3);
    assertThat(flow.runLocal(order).await()).isEqualTo(3);
  }

  @Test
  @DisplayName("converts a JSON string input to the head's input type")
  void jsonString() {
    assertThat(flow.runLocalAndWait("{\"id\":\"o-1\",\"quantity\":4}", WAIT).value()).isEqualTo(4);
  }

  @Test
  @DisplayName("refuses JSON that does not fit the type, naming it")
  void misfit() {
    assertThatThrownBy(() -> flow.runLocalAndWait("{\"quantity\":\"many\"}", WAIT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "runLocal: cannot convert the JSON string input to"
                + " io.dyninka.processor.RunLocalInputTest.Order, the input type of"
                + " Flow.input(Order.class): ");
  }
}
