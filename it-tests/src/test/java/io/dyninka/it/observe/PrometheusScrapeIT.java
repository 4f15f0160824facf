package io.dyninka.it.observe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real Prometheus scraping the orders app's services: what PromQL answers is what was sent, so
 * the names and labels of {@code /metrics} work with the tool users will point at them.
 */
@DisplayName("A real Prometheus scraping the orders app")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusScrapeIT {

  static final int ORDERS = 30;

  OrdersApp orders;
  Prometheus prometheus;

  @BeforeAll
  void start() throws Exception {
    Prometheus.requireInstalled();
    orders = OrdersApp.start();
    List<String> targets =
        orders.app.services().stream().map(s -> "127.0.0.1:" + s.port()).toList();
    prometheus = Prometheus.scraping("orders", targets);
  }

  @AfterAll
  void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (orders != null) {
      orders.app.close();
    }
  }

  @Test
  @DisplayName("answers the number of requests sent to the sink, and of those answered 204")
  void countsTheRequestsSent() throws Exception {
    Map<Integer, Integer> byStatus = new LinkedHashMap<>();
    for (int i = 0; i < ORDERS; i++) {
      byStatus.merge(orders.send(i), 1, Integer::sum);
    }
    System.out.println("answers by status: " + byStatus);
    String sink = orders.manifest.sink();

    awaitAnswer(
        "sum(http_server_request_duration_seconds_count{job=\"orders\",service=\"" + sink + "\"})",
        ORDERS);
    awaitAnswer(
        "sum(http_server_request_duration_seconds_count{service=\""
            + sink
            + "\",http_response_status_code=\"204\"})",
        byStatus.get(204));
    // Every service was scraped as its own target, and says which service it is.
    awaitAnswer(
        "count(count by (service) (http_server_active_requests))",
        orders.manifest.services().size());
  }

  /** Polls (bounded) until the query answers {@code expected}; fails with its last answer. */
  private void awaitAnswer(String promql, double expected) throws Exception {
    OptionalDouble last = OptionalDouble.empty();
    for (int attempt = 0; attempt < 120; attempt++) {
      last = prometheus.value(promql);
      if (last.isPresent() && last.getAsDouble() == expected) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        promql
            + " answered "
            + last
            + ", not "
            + expected
            + ", within 30 s; targets: "
            + prometheus.targets());
  }
}
