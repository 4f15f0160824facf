package io.dyninka.it.dag;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.Flow;
import io.dyninka.it.UserProject;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.runtime.JsonCodec;
import io.dyninka.runtime.launch.LocalLauncher;
import io.dyninka.runtime.launch.RunningApp;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scoring DAG co-located: its shared step's output handed over in process rather than as the
 * JSON of an HTTP answer. For the same orders it answers exactly what Flow.runLocal answers, the
 * shared step's run count included, whatever the grouping.
 */
@DisplayName("The scoring DAG, co-located")
class ScoringPlacementIT {

  private static final int ORDERS = 30;

  private final UserProject project = new UserProject("scoring");
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final JsonCodec codec = new JsonCodec();

  @ParameterizedTest(name = "-Ddyninka.colocate={0}")
  @ValueSource(strings = {"all", "validate+velocity,binLookup+score", "validate+score"})
  @DisplayName("answers as runLocal does, order by order")
  void matchesRunLocal(String spec) throws Exception {
    AppManifest manifest = project.manifest("scoring");
    // A fresh copy of the user's classes: validate's placed counter starts at 0, as the app's.
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {project.classes().toUri().toURL()}, getClass().getClassLoader())) {
      Flow<?> local = flow(Class.forName(manifest.source(), true, loader));
      Class<?> orderType = Class.forName(manifest.source() + "$Order", true, loader);
      try (RunningApp app =
          LocalLauncher.builder()
              .classpath(project.classpath())
              .logSink(System.out::println)
              .readinessTimeout(Duration.ofSeconds(180))
              .build()
              .start(manifest, Placement.parse(spec, manifest))) {
        for (int i = 1; i <= ORDERS; i++) {
          String order =
              new JsonObject()
                  .put("id", "o-" + i)
                  .put("amount", i % 5 == 0 ? 0.0 : 10.0 + i)
                  .put("country", i % 2 == 0 ? "FR" : "DE")
                  .encode();
          HttpResponse<String> answer = post(app, order);
          Flow.Result<?> expected =
              local.runLocalAndWait(
                  codec.mapper().readValue(order, orderType), Duration.ofSeconds(10));
          if (expected.filtered()) {
            assertThat(answer.statusCode()).as(order).isEqualTo(204);
          } else {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(new JsonObject(answer.body()))
                .as(order)
                .isEqualTo(new JsonObject(codec.encode(expected.value())));
            String timing = answer.headers().firstValue("Server-Timing").orElseThrow();
            for (String service : List.of("validate", "velocity", "binLookup", "score")) {
              assertThat(timing.split(service + ";dur=", -1)).as(timing).hasSize(2);
            }
          }
        }
      }
    }
  }

  private static Flow<?> flow(Class<?> source) throws Exception {
    for (Method method : source.getDeclaredMethods()) {
      if (Modifier.isStatic(method.getModifiers())
          && method.getReturnType() == Flow.class
          && method.getParameterCount() == 0) {
        method.setAccessible(true);
        return (Flow<?>) method.invoke(null);
      }
    }
    throw new IllegalStateException(source + " has no static method returning a Flow");
  }

  private HttpResponse<String> post(RunningApp app, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(app.entryUrl())
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
