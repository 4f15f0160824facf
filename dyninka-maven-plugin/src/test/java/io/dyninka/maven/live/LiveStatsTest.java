package io.dyninka.maven.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The numbers of the live page, from the runtime's exposition format. */
class LiveStatsTest {

  /** The runtime's /metrics for one service after {@code ok} 200s and {@code failed} 500s. */
  static String metrics(int ok, int failed, int fast, int inFlight) {
    return """
        # HELP http_server_request_duration_seconds Requests served, by status code
        # TYPE http_server_request_duration_seconds histogram
        http_server_request_duration_seconds_bucket{http_response_status_code="200",service="map",le="0.005"} %d
        http_server_request_duration_seconds_bucket{http_response_status_code="200",service="map",le="0.01"} %d
        http_server_request_duration_seconds_bucket{http_response_status_code="200",service="map",le="+Inf"} %d
        http_server_request_duration_seconds_count{http_response_status_code="200",service="map"} %d
        http_server_request_duration_seconds_sum{http_response_status_code="200",service="map"} 0.5
        http_server_request_duration_seconds_bucket{http_response_status_code="500",service="map",le="0.005"} 0
        http_server_request_duration_seconds_bucket{http_response_status_code="500",service="map",le="0.01"} %d
        http_server_request_duration_seconds_bucket{http_response_status_code="500",service="map",le="+Inf"} %d
        http_server_request_duration_seconds_count{http_response_status_code="500",service="map"} %d
        # TYPE http_server_active_requests gauge
        http_server_active_requests{service="map"} %d.0
        jvm_threads_live_threads{service="map"} 17.0
        """
        .formatted(fast, ok, ok, ok, failed, failed, failed, inFlight);
  }

  static Scrape scrape(long seconds, String text) {
    return Scrape.of(Duration.ofSeconds(seconds).toNanos(), PrometheusText.parse(text));
  }

  @Test
  @DisplayName("sums the request counts over status codes, and counts 5xx and 4xx apart")
  void sums() {
    Scrape s = scrape(0, metrics(30, 10, 5, 2));
    assertThat(s.requests()).isEqualTo(40);
    assertThat(s.serverErrors()).isEqualTo(10);
    assertThat(s.clientErrors()).isZero();
    assertThat(s.inFlight()).isEqualTo(2);
    assertThat(s.buckets())
        .containsEntry(0.005, 5.0)
        .containsEntry(0.01, 40.0)
        .containsEntry(Double.POSITIVE_INFINITY, 40.0);
  }

  @Test
  @DisplayName("computes rates and percentiles from the difference of two scrapes, as PromQL does")
  void window() {
    ServiceWindow window = new ServiceWindow(Duration.ofSeconds(10));
    window.add(scrape(0, metrics(10, 0, 10, 0)));
    window.add(scrape(5, metrics(60, 0, 10, 3)));
    window.add(scrape(10, metrics(90, 10, 10, 1)));

    ServiceStats stats = window.stats("map");
    assertThat(stats.requests()).isEqualTo(100);
    assertThat(stats.windowSeconds()).isEqualTo(10);
    // 90 requests in 10 s, none of them under 5 ms: all in the (5 ms, 10 ms] bucket.
    assertThat(stats.rate()).isEqualTo(9.0);
    assertThat(stats.p50()).isCloseTo(0.005 + 0.005 * 45 / 90, within(1e-9));
    assertThat(stats.p99()).isCloseTo(0.005 + 0.005 * 89.1 / 90, within(1e-9));
    assertThat(stats.serverErrorShare()).isCloseTo(10.0 / 90, within(1e-9));
    assertThat(stats.inFlight()).isEqualTo(1);
  }

  @Test
  @DisplayName("forgets scrapes older than the window, keeping one to start it")
  void slides() {
    ServiceWindow window = new ServiceWindow(Duration.ofSeconds(10));
    for (int t = 0; t <= 30; t++) {
      window.add(scrape(t, metrics(t <= 20 ? 0 : 7 * (t - 20), 0, 0, 0)));
    }
    ServiceStats stats = window.stats("map");
    assertThat(stats.windowSeconds()).isEqualTo(10);
    assertThat(stats.rate()).isEqualTo(7.0);
  }

  @Test
  @DisplayName("has no percentile for a window without requests, and the +Inf bucket's lower bound")
  void quantileEdges() {
    TreeMap<Double, Double> none = new TreeMap<>();
    none.put(0.1, 0.0);
    none.put(Double.POSITIVE_INFINITY, 0.0);
    assertThat(ServiceWindow.quantile(0.5, none)).isNaN();
    TreeMap<Double, Double> slow = new TreeMap<>();
    slow.put(0.1, 1.0);
    slow.put(Double.POSITIVE_INFINITY, 10.0);
    assertThat(ServiceWindow.quantile(0.99, slow)).isEqualTo(0.1);
  }

  @Test
  @DisplayName("names the line it cannot read")
  void badLine() {
    assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbroken{a=\"x\" 1\n"))
        .hasMessageContaining("line 2");
    assertThat(PrometheusText.parse("a{b=\"c \\\"q\\\"\"} 2 1700000000"))
        .containsExactly(new PrometheusText.Sample("a", java.util.Map.of("b", "c \"q\""), 2));
  }
}
