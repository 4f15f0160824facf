package io.dyninka.runtime.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The meters of one service, in one Prometheus registry whose every meter carries the {@code
 * service} label: requests by status, pulls by upstream and outcome, requests in flight, the JVM.
 *
 * <p>Label values are bounded (status codes, upstream service names, outcomes), and each meter is
 * built the first time its labels are seen, so that recording is a lookup without allocation.
 */
public final class ServiceMetrics implements AutoCloseable {

  /** {@code http_server_request_duration_seconds}, per the OpenTelemetry semantic conventions. */
  static final String REQUEST_DURATION = "http.server.request.duration";

  static final String STATUS = "http.response.status_code";

  /** {@code http_server_active_requests}: requests admitted and not yet answered. */
  static final String ACTIVE = "http.server.active_requests";

  /** {@code dyninka_state_operation_duration_seconds}, by {@code operation} and {@code outcome}. */
  static final String STATE_DURATION = "dyninka.state.operation.duration";

  /** The bucket bounds the semantic conventions advise for HTTP durations. */
  static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(75),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofMillis(750),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofMillis(7500),
    Duration.ofSeconds(10)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer[] byStatus = new Timer[600];
  private final Map<String, PullMetrics> pulls = new ConcurrentHashMap<>();
  private final Map<String, Timer> stateOperations = new ConcurrentHashMap<>();
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /**
   * @param upstreams the services this one pulls from by its manifest, whose meters are built now
   * @param inFlight the requests admitted and not yet answered
   */
  public ServiceMetrics(String service, Collection<String> upstreams, IntSupplier inFlight) {
    registry.config().commonTags("service", service);
    Gauge.builder(ACTIVE, inFlight, IntSupplier::getAsInt)
        .description("Requests admitted and not yet answered")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    // Built and read now, so that the first requests don't pay for loading the meters' classes
    // and registering them (seconds on a cold, busy JVM), and the first scrape neither.
    timer(200).takeSnapshot();
    upstreams.forEach(upstream -> pulls(upstream).warm());
    registry.scrape();
  }

  /**
   * Times one request from now until its answer's head is written, under its status. Called once
   * per request, before the response can end. Recorded before the answer leaves, so a client that
   * has its answer finds it counted.
   */
  public void observe(HttpServerResponse response) {
    long start = System.nanoTime();
    response.headersEndHandler(
        ended -> served(response.getStatusCode(), System.nanoTime() - start));
  }

  /** Records one request answered with {@code status} after {@code nanos}. */
  public void served(int status, long nanos) {
    timer(status).record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(int status) {
    int slot = status >= 100 && status < byStatus.length ? status : 0;
    Timer timer = byStatus[slot];
    if (timer == null) {
      // A race of two event loops builds the same timer twice: the registry returns one.
      timer =
          Timer.builder(REQUEST_DURATION)
              .description("Requests served, by status code")
              .tag(STATUS, Integer.toString(status))
              .serviceLevelObjectives(BUCKETS)
              .register(registry);
      byStatus[slot] = timer;
    }
    return timer;
  }

  /** The meters of the pulls from {@code upstream}; ask once per upstream and keep them. */
  public PullMetrics pulls(String upstream) {
    return pulls.computeIfAbsent(upstream, name -> new PullMetrics(registry, name));
  }

  /**
   * Records one operation of the state store ({@code operation}: load, commit…; {@code outcome}:
   * ok, conflict, failed…), both from small fixed sets.
   */
  public void stateStore(String operation, String outcome, long nanos) {
    stateOperations
        .computeIfAbsent(
            operation + '\0' + outcome,
            key ->
                Timer.builder(STATE_DURATION)
                    .description("State-store operations, by operation and outcome")
                    .tags("operation", operation, "outcome", outcome)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Every meter, in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
