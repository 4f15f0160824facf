package io.dyninka.runtime.observe;

import io.dyninka.runtime.HostConfig;
import java.util.Collection;
import java.util.function.IntSupplier;

/**
 * What one service records about itself, created once when it starts: its meters (null with {@code
 * DYNINKA_METRICS=false}) and its tracing (null without an OTLP endpoint).
 */
public final class Observability implements AutoCloseable {

  private final ServiceMetrics metrics;
  private final Tracing tracing;

  private Observability(ServiceMetrics metrics, Tracing tracing) {
    this.metrics = metrics;
    this.tracing = tracing;
  }

  /**
   * @param upstreams the services it pulls from by its manifest
   * @param inFlight the service's requests admitted and not yet answered
   */
  public static Observability start(
      String service, Collection<String> upstreams, HostConfig config, IntSupplier inFlight) {
    ServiceMetrics metrics =
        config.metrics() ? new ServiceMetrics(service, upstreams, inFlight) : null;
    try {
      return new Observability(metrics, Tracing.start(service, config.otel()));
    } catch (RuntimeException e) {
      if (metrics != null) {
        metrics.close();
      }
      throw new IllegalArgumentException(
          "the OTEL_* settings of service " + service + " are not usable: " + e.getMessage(), e);
    }
  }

  /** The service's meters, or null when metrics are off. */
  public ServiceMetrics metrics() {
    return metrics;
  }

  /** The service's tracing, or null when no OTLP endpoint is set. */
  public Tracing tracing() {
    return tracing;
  }

  @Override
  public void close() {
    if (tracing != null) {
      tracing.close();
    }
    if (metrics != null) {
      metrics.close();
    }
  }
}
