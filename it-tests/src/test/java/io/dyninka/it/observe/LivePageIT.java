package io.dyninka.it.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.maven.live.LiveServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The live page of {@code dyninka:run}, read by a real browser: after a known mix of orders, the
 * numbers it shows for each service are those of the requests sent.
 */
@DisplayName("The live page, in headless Chromium")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivePageIT {

  static final int ORDERS = 40;

  OrdersApp orders;
  LiveServer live;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    Chromium.requireInstalled();
    orders = OrdersApp.start();
    live = LiveServer.forApp(orders.manifest, orders.app, System.out::println);
    assertThat(live).as("the live page started").isNotNull();
  }

  @AfterAll
  void stop() {
    if (live != null) {
      live.close();
    }
    if (orders != null) {
      orders.app.close();
    }
  }

  @Test
  @DisplayName("shows the sink's requests and error answers as sent, and the graph's every service")
  void numbersMatchTheRequestsSent() throws Exception {
    Map<Integer, Integer> byStatus = new LinkedHashMap<>();
    for (int i = 0; i < ORDERS; i++) {
      byStatus.merge(orders.send(i), 1, Integer::sum);
    }
    System.out.println("answers by status: " + byStatus);
    long clientErrors = count(byStatus, 4);
    long serverErrors = count(byStatus, 5);
    assertThat(byStatus).as("the mix has filtered orders").containsKey(204);
    assertThat(clientErrors + serverErrors).as("the mix has invalid orders").isPositive();
    String sink = orders.manifest.sink();

    awaitScraped(sink, ORDERS);
    String dom = Chromium.dumpDom(live.url(), 4000);

    assertThat(stat(dom, sink, "requests")).isEqualTo(Integer.toString(ORDERS));
    assertThat(stat(dom, sink, "clientErrors")).isEqualTo(Long.toString(clientErrors));
    assertThat(stat(dom, sink, "serverErrors")).isEqualTo(Long.toString(serverErrors));
    assertThat(Double.parseDouble(stat(dom, sink, "rate")))
        .as("rate over the window, in req/s")
        .isPositive();
    assertThat(stat(dom, sink, "p99")).as("a p99 from the histogram").isNotEmpty();
    assertThat(stat(dom, sink, "inFlight")).isEqualTo("0");
    for (var service : orders.manifest.services()) {
      assertThat(dom)
          .as("the graph's line of numbers under " + service.name())
          .containsPattern(
              "<text[^>]*data-service=\"" + service.name() + "\"[^>]*><tspan[^>]*>[0-9.]+ req/s");
    }

    // A picture while the window still holds requests: a second batch, as a user would watch.
    for (int i = 0; i < ORDERS; i++) {
      orders.send(i);
    }
    Path png = Path.of("target", "live-page.png").toAbsolutePath();
    Chromium.screenshot(live.url(), 4000, png, 1100, 700);
    System.out.println("screenshot of the live page: " + png);
  }

  /** Waits (bounded) until the page's server has scraped the requests of {@code service}. */
  private void awaitScraped(String service, int requests) throws Exception {
    JsonObject last = null;
    for (int attempt = 0; attempt < 300; attempt++) {
      last = stats();
      for (Object o : last.getJsonArray("services", new JsonArray())) {
        JsonObject s = (JsonObject) o;
        if (service.equals(s.getString("service")) && s.getLong("requests", -1L) == requests) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "the live server never scraped " + requests + " requests of " + service + ": " + last);
  }

  private JsonObject stats() throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(live.url().resolve("/api/stats")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    return new JsonObject(answer.body());
  }

  /** The raw value of one cell of the page's table, as its script wrote it. */
  private static String stat(String dom, String service, String stat) {
    Matcher row =
        Pattern.compile("<tr[^>]*data-service=\"" + service + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
            .matcher(dom);
    assertThat(row.find()).as("a row for " + service + " on the page").isTrue();
    Matcher cell =
        Pattern.compile("<td[^>]*data-stat=\"" + stat + "\"[^>]*data-value=\"([^\"]*)\"")
            .matcher(row.group(1));
    assertThat(cell.find()).as(stat + " of " + service + " on the page").isTrue();
    return cell.group(1);
  }

  private static long count(Map<Integer, Integer> byStatus, int hundreds) {
    return byStatus.entrySet().stream()
        .filter(e -> e.getKey() / 100 == hundreds)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
