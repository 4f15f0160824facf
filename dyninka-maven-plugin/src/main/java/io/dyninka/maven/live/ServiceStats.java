package io.dyninka.maven.live;

import io.vertx.core.json.JsonObject;

/**
 * What the live page shows of one service.
 *
 * @param requests requests answered since the service started
 * @param clientErrors of those, answered 4xx
 * @param serverErrors of those, answered 5xx
 * @param rate requests per second over the window
 * @param windowSeconds the span of the window the rates come from
 * @param p50 the median duration over the window, in seconds; {@code NaN} without requests
 * @param p99 the 99th percentile duration over the window, in seconds
 * @param clientErrorShare the share of the window's requests answered 4xx
 * @param serverErrorShare the share answered 5xx
 * @param inFlight requests admitted and not yet answered
 */
record ServiceStats(
    String service,
    double requests,
    double clientErrors,
    double serverErrors,
    double rate,
    double windowSeconds,
    double p50,
    double p99,
    double clientErrorShare,
    double serverErrorShare,
    double inFlight) {

  JsonObject toJson() {
    return new JsonObject()
        .put("service", service)
        .put("up", true)
        .put("requests", (long) requests)
        .put("clientErrors", (long) clientErrors)
        .put("serverErrors", (long) serverErrors)
        .put("rate", rate)
        .put("windowSeconds", windowSeconds)
        .put("p50", Double.isNaN(p50) ? null : p50)
        .put("p99", Double.isNaN(p99) ? null : p99)
        .put("clientErrorShare", clientErrorShare)
        .put("serverErrorShare", serverErrorShare)
        .put("inFlight", (long) inFlight);
  }
}
