package io.dyninka.maven.live;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one scrape of a service's {@code /metrics} says, summed over status codes: requests so far,
 * those answered 4xx and 5xx, the cumulative histogram buckets, and the requests in flight.
 *
 * @param nanos when it was taken ({@link System#nanoTime()})
 * @param buckets cumulative request counts by upper bound (seconds), {@code +Inf} included
 */
record Scrape(
    long nanos,
    double requests,
    double clientErrors,
    double serverErrors,
    TreeMap<Double, Double> buckets,
    double inFlight) {

  static Scrape of(long nanos, List<PrometheusText.Sample> samples) {
    double requests = 0;
    double clientErrors = 0;
    double serverErrors = 0;
    double inFlight = 0;
    TreeMap<Double, Double> buckets = new TreeMap<>();
    for (PrometheusText.Sample s : samples) {
      Map<String, String> labels = s.labels();
      switch (s.name()) {
        case ServiceMetricNames.REQUEST_COUNT -> {
          requests += s.value();
          String status = labels.getOrDefault(ServiceMetricNames.STATUS, "");
          if (status.startsWith("4")) {
            clientErrors += s.value();
          } else if (status.startsWith("5")) {
            serverErrors += s.value();
          }
        }
        case ServiceMetricNames.REQUEST_BUCKET ->
            buckets.merge(
                Double.parseDouble(labels.get(ServiceMetricNames.LE).replace("+Inf", "Infinity")),
                s.value(),
                Double::sum);
        case ServiceMetricNames.ACTIVE_REQUESTS -> inFlight += s.value();
        default -> {}
      }
    }
    return new Scrape(nanos, requests, clientErrors, serverErrors, buckets, inFlight);
  }
}
