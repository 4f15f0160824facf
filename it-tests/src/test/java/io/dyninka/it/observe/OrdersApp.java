package io.dyninka.it.observe;

import io.dyninka.it.UserProject;
import io.dyninka.manifest.AppManifest;
import io.dyninka.runtime.launch.LocalLauncher;
import io.dyninka.runtime.launch.RunningApp;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The orders app that maven-invoker built under target/it, run as one JVM per service, and the
 * orders a test sends it: some priced, some free (filtered: 204), some invalid.
 */
final class OrdersApp {

  private static final UserProject PROJECT = new UserProject("orders");

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  final AppManifest manifest;
  final RunningApp app;

  private OrdersApp(AppManifest manifest, RunningApp app) {
    this.manifest = manifest;
    this.app = app;
  }

  static OrdersApp start() throws Exception {
    AppManifest manifest = PROJECT.manifest("orders");
    RunningApp app =
        LocalLauncher.builder()
            .classpath(PROJECT.classpath())
            .logSink(System.out::println)
            .readinessTimeout(Duration.ofSeconds(90))
            .build()
            .start(manifest);
    System.out.println(app.table());
    return new OrdersApp(manifest, app);
  }

  /** Sends order {@code i} of a fixed mix to the sink; returns the status it answered. */
  int send(int i) throws IOException, InterruptedException {
    JsonObject order =
        new JsonObject()
            .put("id", "o-" + i)
            .put("quantity", i % 10 == 9 ? 0 : 1 + i % 7)
            .put("unitPrice", i % 5 == 0 ? 0.0 : 2.5 * (1 + i % 11))
            .put("country", i % 2 == 0 ? "FR" : "DE");
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(app.entryUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(order.encode()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return answer.statusCode();
  }

  URI url(String service) {
    return app.url(service);
  }
}
