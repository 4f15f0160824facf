package io.dyninka.maven.live;

/**
 * The names, in Prometheus, of the runtime's meters the live page reads (the runtime's {@code
 * io.dyninka.runtime.observe.ServiceMetrics} defines them): the one place to change if they do.
 */
final class ServiceMetricNames {

  /** The request histogram, {@code http.server.request.duration} in seconds. */
  static final String REQUEST_DURATION = "http_server_request_duration_seconds";

  static final String REQUEST_COUNT = REQUEST_DURATION + "_count";
  static final String REQUEST_BUCKET = REQUEST_DURATION + "_bucket";

  /** Requests admitted and not yet answered. */
  static final String ACTIVE_REQUESTS = "http_server_active_requests";

  /** The label of the status code on the request histogram. */
  static final String STATUS = "http_response_status_code";

  /** The label of the service on every meter. */
  static final String SERVICE = "service";

  /** A histogram bucket's upper bound. */
  static final String LE = "le";

  private ServiceMetricNames() {}
}
