package io.dyninka.runtime;

import static io.dyninka.runtime.TestApp.from;
import static io.dyninka.runtime.observe.OtlpReceiver.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.ServiceManifest.Kind;
import io.dyninka.runtime.observe.OtlpReceiver;
import io.dyninka.runtime.observe.OtlpReceiver.Received;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("With OTEL_EXPORTER_OTLP_ENDPOINT, a fan-in request")
class TracingTest {

  private OtlpReceiver collector;
  private TestApp app;

  @BeforeEach
  void start() throws Exception {
    collector = new OtlpReceiver();
    app =
        new TestApp("traced")
            .service("left", "int", Kind.VALUE, in -> 1)
            .service("right", "int", Kind.VALUE, in -> 2)
            .service(
                "join",
                "int",
                Kind.VALUE,
                in -> in.<Integer>get(0) + in.<Integer>get(1),
                from("left", "int"),
                from("right", "int"))
            .setting("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint())
            .setting("OTEL_BSP_SCHEDULE_DELAY", "20")
            .start();
  }

  @AfterEach
  void stop() {
    app.close();
    collector.close();
  }

  @Test
  @DisplayName(
      "is one trace: the sink's SERVER span at its root, a CLIENT span per pull, each the parent of"
          + " its upstream's SERVER span")
  void oneTraceAcrossTheServices() throws Exception {
    assertThat(app.get("join").body()).isEqualTo("3");

    List<Received> spans = collector.await(5);

    assertThat(spans).hasSize(5);
    assertThat(spans)
        .extracting(r -> hex(r.span().getTraceId()))
        .containsOnly(hex(spans.get(0).span().getTraceId()));
    Received root = only(spans, "join", SpanKind.SPAN_KIND_SERVER);
    assertThat(root.span().getParentSpanId().isEmpty()).as("the sink's span is the root").isTrue();
    assertThat(attribute(root.span(), "http.request.method")).isEqualTo("GET");
    assertThat(attribute(root.span(), "url.path")).isEqualTo("/");
    assertThat(attribute(root.span(), "http.response.status_code")).isEqualTo("200");
    for (String upstream : List.of("left", "right")) {
      Received pull =
          spans.stream()
              .filter(r -> r.span().getKind() == SpanKind.SPAN_KIND_CLIENT)
              .filter(r -> upstream.equals(attribute(r.span(), "peer.service")))
              .findFirst()
              .orElseThrow();
      assertThat(pull.service()).isEqualTo("join");
      assertThat(pull.span().getParentSpanId()).isEqualTo(root.span().getSpanId());
      assertThat(attribute(pull.span(), "server.address")).isEqualTo("127.0.0.1");
      assertThat(attribute(pull.span(), "http.response.status_code")).isEqualTo("200");
      Received served = only(spans, upstream, SpanKind.SPAN_KIND_SERVER);
      assertThat(served.span().getParentSpanId()).isEqualTo(pull.span().getSpanId());
      assertThat(attribute(served.span(), "http.response.status_code")).isEqualTo("200");
    }
  }

  @Test
  @DisplayName("continues the caller's traceparent: the sink's span is the child of the caller's")
  void continuesTheCallersTrace() throws Exception {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    String caller = "00f067aa0ba902b7";

    app.get("join", "traceparent", "00-" + trace + "-" + caller + "-01");

    List<Received> spans = collector.await(5);
    assertThat(spans).hasSize(5);
    assertThat(spans).extracting(r -> hex(r.span().getTraceId())).containsOnly(trace);
    assertThat(hex(only(spans, "join", SpanKind.SPAN_KIND_SERVER).span().getParentSpanId()))
        .isEqualTo(caller);
  }

  private static Received only(List<Received> spans, String service, SpanKind kind) {
    List<Received> found =
        spans.stream()
            .filter(r -> service.equals(r.service()) && r.span().getKind() == kind)
            .toList();
    assertThat(found).as("%s spans of %s", kind, service).hasSize(1);
    return found.get(0);
  }

  private static String hex(com.google.protobuf.ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }
}
