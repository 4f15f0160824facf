package io.dyninka.runtime;

import static io.dyninka.runtime.TestApp.body;
import static io.dyninka.runtime.TestApp.from;
import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.ServiceManifest.Kind;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.NonNull;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Nulls between services")
class NullPolicyTest {

  record Reading(String variable, double value) {}

  record Label(@NonNull String text, String note) {}

  @NullMarked
  record Marked(String text, @Nullable String note) {}

  record Holder(Object payload) {}

  record Batch(List<Label> labels, Map<String, Marked> byName) {}

  static final String READING = Reading.class.getName();
  static final String LABEL = Label.class.getName();
  static final String MARKED = Marked.class.getName();
  static final String BATCH = Batch.class.getName();

  private final List<TestApp> apps = new ArrayList<>();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final List<Runnable> detach = new ArrayList<>();

  private TestApp app(String name) {
    TestApp app = new TestApp(name);
    apps.add(app);
    return app;
  }

  @AfterEach
  void stop() {
    apps.forEach(TestApp::close);
    detach.forEach(Runnable::run);
  }

  /** Records what the service logs, through the JDK logging that System.Logger writes to. */
  private void watchLog(String service) {
    Logger logger = Logger.getLogger("io.dyninka.service." + service);
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    detach.add(() -> logger.removeHandler(handler));
  }

  private static JsonObject problem(HttpResponse<String> answer) {
    assertThat(answer.headers().firstValue("content-type")).hasValue("application/problem+json");
    return new JsonObject(answer.body());
  }

  @Test
  @DisplayName("pass an explicit null in a request to the function, as runLocal would")
  void requestNullReachesTheFunction() throws Exception {
    TestApp app =
        app("request")
            .service(
                "describe",
                "java.lang.String",
                Kind.VALUE,
                in ->
                    String.valueOf(in.<Reading>get(0).variable())
                        + "="
                        + in.<Reading>get(0).value(),
                body(READING))
            .start();

    HttpResponse<String> explicit =
        app.post("describe", "application/json", "{\"variable\":null,\"value\":1.5}");
    HttpResponse<String> missing = app.post("describe", "application/json", "{\"value\":2}");

    assertThat(explicit.statusCode()).isEqualTo(200);
    assertThat(explicit.body()).isEqualTo("\"null=1.5\"");
    assertThat(missing.statusCode()).isEqualTo(200);
    assertThat(missing.body()).isEqualTo("\"null=2.0\"");
  }

  @Test
  @DisplayName(
      "refuse a request's null or missing value for a primitive with a 400 naming the field")
  void requestNullPrimitiveIs400() throws Exception {
    TestApp app =
        app("primitive")
            .service("value", "double", Kind.VALUE, in -> in.<Reading>get(0).value(), body(READING))
            .start();

    HttpResponse<String> explicit =
        app.post("value", "application/json", "{\"variable\":\"t\",\"value\":null}");
    HttpResponse<String> missing = app.post("value", "application/json", "{\"variable\":\"t\"}");

    for (HttpResponse<String> answer : List.of(explicit, missing)) {
      assertThat(answer.statusCode()).isEqualTo(400);
      JsonObject problem = problem(answer);
      assertThat(problem.getString("type")).isEqualTo(ProblemType.BAD_REQUEST.uri());
      assertThat(problem.getString("detail"))
          .startsWith("the body is not a valid io.dyninka.runtime.NullPolicyTest.Reading: ")
          .contains("Reading.value: null for a primitive");
    }
  }

  @Test
  @DisplayName("refuse a request's null for a @NonNull component with a 400 naming the field")
  void requestNullForNonNullIs400() throws Exception {
    TestApp app =
        app("nonnull")
            .service(
                "text", "java.lang.String", Kind.VALUE, in -> in.<Label>get(0).text(), body(LABEL))
            .start();

    HttpResponse<String> answer =
        app.post("text", "application/json", "{\"text\":null,\"note\":null}");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(problem(answer).getString("detail"))
        .contains("Label.text: null, but it is @NonNull");
  }

  @Test
  @DisplayName("carry a null field of an output to the next service, which sees it as null")
  void outputNullTravels() throws Exception {
    TestApp app =
        app("travel")
            .service("read", READING, Kind.VALUE, in -> new Reading(null, 3))
            .service(
                "show",
                "java.lang.String",
                Kind.VALUE,
                in -> "variable is " + in.<Reading>get(0).variable(),
                from("read", READING))
            .start();

    HttpResponse<String> answer = app.get("show");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("\"variable is null\"");
  }

  @Test
  @DisplayName(
      "answer a @NonNull output that is null with 500 output-invalid at the producer, logged once there")
  void badOutputFailsAtTheProducer() throws Exception {
    watchLog("label");
    watchLog("show");
    TestApp app =
        app("producer")
            .service("label", LABEL, Kind.VALUE, in -> new Label(null, "n"))
            .service(
                "show",
                "java.lang.String",
                Kind.VALUE,
                in -> in.<Label>get(0).note(),
                from("label", LABEL))
            .start();

    HttpResponse<String> answer = app.get("show");

    assertThat(answer.statusCode()).isEqualTo(500);
    JsonObject problem = problem(answer);
    assertThat(problem.getString("type")).isEqualTo(ProblemType.OUTPUT_INVALID.uri());
    assertThat(problem.getString("service")).isEqualTo("label");
    assertThat(problem.getJsonArray("path").getList()).containsExactly("label", "show");
    assertThat(problem.getString("detail"))
        .isEqualTo("label's output Label.text: null, but it is @NonNull");
    assertThat(logged)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getLevel()).isEqualTo(Level.WARNING);
              assertThat(record.getLoggerName()).isEqualTo("io.dyninka.service.label");
              assertThat(record.getMessage())
                  .isEqualTo(
                      "service label answered output-invalid: label's output Label.text: null,"
                          + " but it is @NonNull")
                  .doesNotContain("\n");
              assertThat(record.getThrown()).isNull();
            });
  }

  @Test
  @DisplayName(
      "hold every field of a @NullMarked type non-null but its @Nullable ones, inside collections too")
  void nullMarkedInsideCollections() throws Exception {
    TestApp app =
        app("marked")
            .service(
                "fine",
                BATCH,
                Kind.VALUE,
                in -> new Batch(List.of(new Label("a", null)), Map.of("m", new Marked("t", null))))
            .service(
                "broken",
                BATCH,
                Kind.VALUE,
                in -> new Batch(List.of(), Map.of("m", new Marked(null, "n"))))
            .start();

    HttpResponse<String> fine = app.get("fine");
    HttpResponse<String> broken = app.get("broken");

    assertThat(fine.statusCode()).isEqualTo(200);
    assertThat(
            new JsonObject(fine.body()).getJsonArray("labels").getJsonObject(0).getString("text"))
        .isEqualTo("a");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(problem(broken).getString("detail"))
        .isEqualTo(
            "broken's output Batch.byName[].text: null, but it is in a @NullMarked scope and not"
                + " @Nullable");
  }

  @Test
  @DisplayName("answer an output Jackson cannot write with 500 output-not-json naming the field")
  void unwritableOutputNamesTheField() throws Exception {
    TestApp app =
        app("unwritable")
            .service("hold", Holder.class.getName(), Kind.VALUE, in -> new Holder(new Object()))
            .start();

    HttpResponse<String> answer = app.get("hold");

    assertThat(answer.statusCode()).isEqualTo(500);
    JsonObject problem = problem(answer);
    assertThat(problem.getString("type")).isEqualTo(ProblemType.OUTPUT_NOT_JSON.uri());
    assertThat(problem.getString("detail"))
        .startsWith(
            "cannot write io.dyninka.runtime.NullPolicyTest.Holder as JSON at Holder.payload: ");
  }

  @Test
  @DisplayName("still answer 502 upstream-invalid for an upstream body that is not its output type")
  void malformedUpstreamIs502() throws Exception {
    TestApp app = app("malformed");
    int raw =
        app.startRaw(
            request ->
                request
                    .response()
                    .putHeader("content-type", "application/json")
                    .end("{\"variable\":\"t\",\"value\":\"not a number\"}"));
    app.peer("read", "http://127.0.0.1:" + raw)
        .service("read", READING, Kind.VALUE, in -> new Reading("t", 1))
        .service(
            "show", "double", Kind.VALUE, in -> in.<Reading>get(0).value(), from("read", READING))
        .start();

    HttpResponse<String> answer = app.get("show");

    assertThat(answer.statusCode()).isEqualTo(502);
    JsonObject problem = problem(answer);
    assertThat(problem.getString("type")).isEqualTo(ProblemType.UPSTREAM_INVALID.uri());
    assertThat(problem.getString("service")).isEqualTo("show");
    assertThat(problem.getString("detail")).contains("upstream 'read'").contains("Reading.value");
  }
}
