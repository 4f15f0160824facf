package io.dyninka.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.dyninka.Flow;
import io.dyninka.manifest.ServiceManifest.Kind;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.NonNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("runLocal with the runtime's JSON round trip")
class JsonRoundTripTest {

  record Tagged(String name, @JsonIgnore String secret) {}

  record Label(@NonNull String text, String note) {}

  record Reading(String variable, double value) {}

  private static final Duration WAIT = Duration.ofSeconds(10);

  private TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** The same two steps deployed as services head → tail, answering at the tail. */
  private <A> HttpResponse<String> distributed(
      Class<A> type, Supplier<A> head, Function<A, String> tail) throws Exception {
    app =
        new TestApp("round-trip")
            .service("head", type.getName(), Kind.VALUE, in -> head.get())
            .service(
                "tail",
                "java.lang.String",
                Kind.VALUE,
                in -> tail.apply(in.get(0)),
                TestApp.from("head", type.getName()))
            .start();
    return app.get("tail");
  }

  @Test
  @DisplayName("drops a field Jackson does not write, as the distributed app does")
  void ignoredField() throws Exception {
    Supplier<Tagged> head = () -> new Tagged("a", "kept");
    Function<Tagged, String> tail = t -> t.name() + ":" + t.secret();
    Flow<String> flow = Flow.from(head).then(tail);

    HttpResponse<String> remote = distributed(Tagged.class, head, tail);
    String roundTripped = flow.runLocalAndWait(null, WAIT, new JsonRoundTrip()).value();

    assertThat(remote.statusCode()).isEqualTo(200);
    assertThat(roundTripped)
        .isEqualTo("a:null")
        .isEqualTo(new JsonObject("{\"v\":" + remote.body() + "}").getString("v"));
    // Without the round trip, runLocal answers what no deployed app does.
    assertThat(flow.runLocalAndWait(null, WAIT).value()).isEqualTo("a:kept");
  }

  @Test
  @DisplayName("fails a null the type forbids as the producing service does, naming the field")
  void forbiddenNull() throws Exception {
    Supplier<Label> head = () -> new Label(null, "n");
    Function<Label, String> tail = Label::note;
    Flow<String> flow = Flow.from(head).then(tail);

    HttpResponse<String> remote = distributed(Label.class, head, tail);

    assertThat(remote.statusCode()).isEqualTo(500);
    JsonObject problem = new JsonObject(remote.body());
    assertThat(problem.getString("type")).isEqualTo(ProblemType.OUTPUT_INVALID.uri());
    assertThat(problem.getString("detail"))
        .isEqualTo("head's output Label.text: null, but it is @NonNull");
    assertThatThrownBy(() -> flow.runLocalAndWait(null, WAIT, new JsonRoundTrip()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("output-invalid: Label.text: null, but it is @NonNull");
    assertThat(flow.runLocalAndWait(null, WAIT).value()).isEqualTo("n");
  }

  @Test
  @DisplayName(
      "reads a collection back with its elements' type, and carries the body and the answer")
  void collectionsBodyAndAnswer() {
    Flow<List<Reading>> flow =
        Flow.input(Reading.class)
            .then(r -> List.of(r, new Reading(r.variable(), r.value() * 2)))
            .then(
                list -> list.stream().map(r -> new Reading(r.variable(), r.value() + 1)).toList());

    List<Reading> answer =
        flow.runLocalAndWait(new Reading("t", 1), WAIT, new JsonRoundTrip()).value();

    assertThat(answer).containsExactly(new Reading("t", 2), new Reading("t", 3));
  }
}
