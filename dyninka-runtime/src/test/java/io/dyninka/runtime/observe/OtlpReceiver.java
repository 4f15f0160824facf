package io.dyninka.runtime.observe;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A collector's OTLP/HTTP trace endpoint ({@code POST /v1/traces}, protobuf) on a free loopback
 * port, keeping every span it receives with its resource's {@code service.name}.
 */
public final class OtlpReceiver implements AutoCloseable {

  /** A received span and the service that sent it. */
  public record Received(String service, Span span) {}

  private final HttpServer server;
  private final List<Received> spans = new CopyOnWriteArrayList<>();

  public OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(in);
            for (ResourceSpans resource : request.getResourceSpansList()) {
              String service = serviceName(resource.getResource());
              for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> spans.add(new Received(service, span)));
              }
            }
          }
          byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
          exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  /** The endpoint, as OTEL_EXPORTER_OTLP_ENDPOINT takes it. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Waits until {@code count} spans have arrived (at most 30 s), and returns all received. */
  public List<Received> await(int count) throws InterruptedException {
    for (int i = 0; i < 600 && spans.size() < count; i++) {
      Thread.sleep(50);
    }
    return new ArrayList<>(spans);
  }

  private static String serviceName(Resource resource) {
    for (KeyValue attribute : resource.getAttributesList()) {
      if (attribute.getKey().equals("service.name")) {
        return attribute.getValue().getStringValue();
      }
    }
    return null;
  }

  /** The string or integer value of {@code span}'s attribute {@code key}, as text; null if none. */
  public static String attribute(Span span, String key) {
    for (KeyValue attribute : span.getAttributesList()) {
      if (attribute.getKey().equals(key)) {
        return attribute.getValue().hasIntValue()
            ? Long.toString(attribute.getValue().getIntValue())
            : attribute.getValue().getStringValue();
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
