package io.dyninka.it.podman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dyninka.Flow;
import io.dyninka.manifest.AppManifest;
import io.dyninka.runtime.JsonCodec;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The orders app, shipped the way a user ships it: a local registry on 127.0.0.1:5000, a JRE base
 * image made from this machine's JDK ({@code scripts/base-image.sh}), {@code mvn dyninka:build}
 * pushing one image per service, {@code mvn dyninka:resources}, and {@code mvn dyninka:deploy} to
 * podman, which runs the generated pods with {@code podman kube play}. Requests go through the
 * containerized chain and must answer exactly as {@code Flow.runLocal} does. Pods, images and the
 * registry are removed afterwards, also when a step fails.
 *
 * <p>Then it redeploys the same images grouped ({@code -Ddyninka.colocate}), which must remove the
 * split pods and answer the same, and back to split.
 *
 * <p>Needs podman (with runc where crun fails) and docker-registry, as {@code
 * scripts/containers-setup.sh} installs them; skipped without them unless {@code
 * -Ddyninka.it.podman=required}. The user project's Maven runs with the outer build's {@code
 * maven.repo.local}, and offline with {@code -Ddyninka.it.offline=true}.
 */
@DisplayName(
    "The orders app in containers: build, push, kube play, and the same answers as runLocal")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PodmanOrdersIT {

  private static final String APP = "orders";
  private static final String REGISTRY = "127.0.0.1:5000";
  private static final String TAG = "podman-it";

  private final Path repo = Path.of("").toAbsolutePath().getParent();
  private final Path project =
      Path.of(System.getProperty("it.projects", "target/it"), APP).toAbsolutePath();
  private final Path work = Path.of("target", "podman-it").toAbsolutePath();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final JsonCodec codec = new JsonCodec();
  private final List<String> podman = new ArrayList<>();
  private boolean startedRegistry;
  private int basePort;
  private AppManifest manifest;
  private String deployLog;

  @BeforeAll
  void shipToPodman() throws Exception {
    boolean required = "required".equals(System.getProperty("dyninka.it.podman"));
    boolean available = Shell.onPath("podman") != null && Shell.onPath("docker-registry") != null;
    if (!required) {
      Assumptions.assumeTrue(
          available, "podman and docker-registry are not installed (scripts/containers-setup.sh)");
    }
    podman.add("podman");
    String runtime =
        System.getProperty("dyninka.podman.runtime", Shell.onPath("runc") != null ? "runc" : "");
    if (!runtime.isBlank()) {
      podman.addAll(List.of("--runtime", runtime));
    }
    Files.createDirectories(work);
    manifest =
        AppManifest.decode(
            Files.readString(
                project.resolve("target/classes").resolve(AppManifest.resourcePath(APP))));
    basePort = freePorts(manifest.services().size());

    startRegistry();
    Path jre = work.resolve("jre.tar");
    Shell.run(
            repo,
            Duration.ofMinutes(5),
            repo.resolve("scripts/base-image.sh").toString(),
            jre.toString())
        .orFail(List.of("scripts/base-image.sh"));
    Shell.run(
            project,
            Map.of(),
            Duration.ofMinutes(10),
            Shell.mvn(
                "dyninka:build",
                "dyninka:resources",
                "-Ddyninka.image.registry=" + REGISTRY,
                "-Ddyninka.image.tag=" + TAG,
                "-Ddyninka.image.base=tar://" + jre,
                "-Ddyninka.podman.basePort=" + basePort))
        .orFail(List.of("mvn dyninka:build dyninka:resources"));
    deployLog = deploy().orFail(List.of("mvn dyninka:deploy")).output();
  }

  private Shell.Result deploy(String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "dyninka:deploy",
                "-Ddyninka.target=podman",
                "-Ddyninka.image.registry=" + REGISTRY,
                "-Ddyninka.image.tag=" + TAG,
                "-Ddyninka.podman.basePort=" + basePort,
                "-Ddyninka.deploy.timeout=180"));
    if (podman.size() > 1) {
      args.add("-Ddyninka.podman.runtime=" + podman.get(2));
    }
    args.addAll(List.of(more));
    return Shell.run(
        project, Map.of(), Duration.ofMinutes(5), Shell.mvn(args.toArray(String[]::new)));
  }

  @AfterAll
  void removeEverything() throws Exception {
    List<String> problems = new ArrayList<>();
    if (manifest != null) {
      List<String> args = new ArrayList<>(List.of("dyninka:undeploy", "-Ddyninka.target=podman"));
      if (podman.size() > 1) {
        args.add("-Ddyninka.podman.runtime=" + podman.get(2));
      }
      Shell.run(project, Map.of(), Duration.ofMinutes(3), Shell.mvn(args.toArray(String[]::new)));
      // Whatever undeploy missed, by label: this test leaves no pod behind.
      String left =
          podman("pod", "ps", "-q", "--filter", "label=app.kubernetes.io/part-of=" + APP)
              .output()
              .strip();
      if (!left.isEmpty()) {
        problems.add("pods left after undeploy: " + left);
        for (String id : left.split("\\s+")) {
          podman("pod", "rm", "-f", id);
        }
      }
      for (var service : manifest.services()) {
        podman("rmi", "-f", REGISTRY + "/" + APP + "-" + service.kubeName() + ":" + TAG);
      }
    }
    if (startedRegistry) {
      Shell.run(
          repo,
          Map.of("DYNINKA_REGISTRY_DIR", work.resolve("registry").toString()),
          Duration.ofMinutes(1),
          List.of(repo.resolve("scripts/registry.sh").toString(), "stop"));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  @Order(1)
  @DisplayName("dyninka:build pushed one image per service, all sharing their layers")
  void imagesShareLayers() throws Exception {
    List<List<String>> layers = new ArrayList<>();
    for (var service : manifest.services()) {
      HttpResponse<String> m =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://"
                              + REGISTRY
                              + "/v2/"
                              + APP
                              + "-"
                              + service.kubeName()
                              + "/manifests/"
                              + TAG))
                  .header("Accept", "application/vnd.oci.image.manifest.v1+json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(m.statusCode()).as(service.name()).isEqualTo(200);
      List<String> digests = new ArrayList<>();
      new JsonObject(m.body())
          .getJsonArray("layers")
          .forEach(l -> digests.add(((JsonObject) l).getString("digest")));
      layers.add(digests);
    }
    assertThat(layers).allSatisfy(l -> assertThat(l).isEqualTo(layers.get(0)));
    assertThat(project.resolve("target/dyninka/podman/" + APP + ".yaml")).exists();
    assertThat(deployLog)
        .contains("ready " + manifest.services().size() + "/" + manifest.services().size());
  }

  @Test
  @Order(2)
  @DisplayName("the containerized chain gives exactly the answers of Flow.runLocal for 100 orders")
  void matchesRunLocal() throws Exception {
    answersAsRunLocal(100);
  }

  /** Sends {@code count} orders to the sink and compares every answer with Flow.runLocal's. */
  private void answersAsRunLocal(int count) throws Exception {
    // Each deploy before this one started invoice anew, and its @Placed counter with it: the
    // local run starts its own again too, in a fresh class loader.
    userClasses = null;
    Flow<?> local = localFlow();
    Class<?> orderType = load(manifest.source() + "$Order");
    ObjectMapper mapper = codec.mapper();
    Random random = new Random(7);
    String[] countries = {"FR", "DE", "US"};
    int filtered = 0;
    for (int i = 0; i < count; i++) {
      String order =
          new JsonObject()
              .put("id", "c-" + i)
              .put("quantity", 1 + random.nextInt(9))
              .put("unitPrice", random.nextInt(5) == 0 ? 0.0 : 0.5 + random.nextInt(400) / 4.0)
              .put("country", countries[random.nextInt(countries.length)])
              .encode();
      HttpResponse<String> answer = post(sink(), order);
      Object expected =
          local
              .runLocal(mapper.readValue(order, orderType))
              .toCompletionStage()
              .toCompletableFuture()
              .get();
      if (expected == null) {
        filtered++;
        assertThat(answer.statusCode()).as(order).isEqualTo(204);
      } else {
        assertThat(answer.statusCode()).as(order + " -> " + answer.body()).isEqualTo(200);
        assertThat(new JsonObject(answer.body()))
            .as(order)
            .isEqualTo(new JsonObject(codec.encode(expected)));
        assertThat(answer.headers().firstValue("Server-Timing")).isPresent();
      }
    }
    assertThat(filtered).isPositive().isLessThan(count);
  }

  @Test
  @Order(3)
  @DisplayName("a redeploy of the same images changes no pod")
  void redeployIsANoOp() throws Exception {
    String again = deploy().orFail(List.of("mvn dyninka:deploy")).output();
    assertThat(again).contains("0 changed, " + manifest.services().size() + " unchanged");
  }

  @Test
  @Order(4)
  @DisplayName(
      "grouped (validate+skipFree+price,vatRate+invoice): one pod per group from a member's image,"
          + " the split pods removed, the same answers as runLocal")
  void groupedAnswersAsSplit() throws Exception {
    String log =
        deploy("-Ddyninka.colocate=" + GROUPS).orFail(List.of("mvn dyninka:deploy")).output();

    for (String service : List.of("validate", "skip-free", "price", "vat-rate", "invoice")) {
      assertThat(log)
          .contains("removed    pod " + APP + "-" + service + " (not in this placement)");
    }
    assertThat(pods())
        .containsExactlyInAnyOrder(APP + "-validate--skip-free--price", APP + "-vat-rate--invoice");
    answersAsRunLocal(60);
    // every member still answers on its own loopback port, as the rest of the app reaches it
    for (int i = 0; i < manifest.services().size(); i++) {
      HttpResponse<String> ready =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + (basePort + i) + "/health/ready"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).as(manifest.services().get(i).name()).isEqualTo(200);
    }
    // skipFree is called only by price, in process: it counts those requests as over HTTP
    HttpResponse<String> metrics =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (basePort + 1) + "/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.body())
        .containsPattern(
            "http_server_request_duration_seconds_count\\{[^}]*service=\"skipFree\"[^}]*\\} [1-9]");
  }

  @Test
  @Order(5)
  @DisplayName("back to split: the group pods removed, one pod per service, the same answers")
  void backToSplit() throws Exception {
    String log = deploy().orFail(List.of("mvn dyninka:deploy")).output();

    assertThat(log)
        .contains("removed    pod " + APP + "-validate--skip-free--price (not in this placement)");
    assertThat(pods()).hasSize(manifest.services().size());
    answersAsRunLocal(30);
  }

  private static final String GROUPS = "validate+skipFree+price,vatRate+invoice";

  /** The names of the app's pods podman runs. */
  private List<String> pods() throws Exception {
    String out =
        podman(
                "pod",
                "ps",
                "--format",
                "{{.Name}}",
                "--filter",
                "label=app.kubernetes.io/part-of=" + APP)
            .output()
            .strip();
    return out.isEmpty() ? List.of() : List.of(out.split("\\s+"));
  }

  private URI sink() {
    int index = 0;
    for (var s : manifest.services()) {
      if (s.name().equals(manifest.sink())) {
        return URI.create("http://127.0.0.1:" + (basePort + index) + "/");
      }
      index++;
    }
    throw new IllegalStateException("no sink");
  }

  private HttpResponse<String> post(URI uri, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void startRegistry() throws Exception {
    try {
      HttpResponse<Void> up =
          http.send(
              HttpRequest.newBuilder(URI.create("http://" + REGISTRY + "/v2/"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (up.statusCode() == 200) {
        return; // one is running already (CI starts it): use it, leave it
      }
    } catch (IOException e) {
      // none running: start ours
    }
    Shell.run(
            repo,
            Map.of("DYNINKA_REGISTRY_DIR", work.resolve("registry").toString()),
            Duration.ofMinutes(1),
            List.of(repo.resolve("scripts/registry.sh").toString(), "start"))
        .orFail(List.of("scripts/registry.sh start"));
    startedRegistry = true;
  }

  private Shell.Result podman(String... args) throws Exception {
    List<String> command = new ArrayList<>(podman);
    command.addAll(List.of(args));
    return Shell.run(work, Map.of(), Duration.ofMinutes(2), command);
  }

  /** A base port with as many free consecutive loopback ports after it as the app has services. */
  private static int freePorts(int count) throws IOException {
    Random random = new Random();
    for (int attempt = 0; attempt < 100; attempt++) {
      int base = 20000 + random.nextInt(20000);
      List<ServerSocket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < count; i++) {
          sockets.add(new ServerSocket(base + i, 1, java.net.InetAddress.getLoopbackAddress()));
        }
        return base;
      } catch (IOException taken) {
        // try another range
      } finally {
        for (ServerSocket s : sockets) {
          s.close();
        }
      }
    }
    throw new IOException("no " + count + " free consecutive loopback ports");
  }

  private Flow<?> localFlow() throws Exception {
    Class<?> source = load(manifest.source());
    for (Method method : source.getDeclaredMethods()) {
      if (Modifier.isStatic(method.getModifiers())
          && method.getReturnType() == Flow.class
          && method.getParameterCount() == 0) {
        method.setAccessible(true);
        return (Flow<?>) method.invoke(null);
      }
    }
    throw new IllegalStateException(manifest.source() + " has no static method returning a Flow");
  }

  /**
   * One loader for the user's classes, so the flow and the order type it takes are the same
   * classes.
   */
  private ClassLoader userClasses;

  private Class<?> load(String name) throws Exception {
    if (userClasses == null) {
      userClasses =
          new URLClassLoader(
              new URL[] {project.resolve("target/classes").toUri().toURL()},
              getClass().getClassLoader());
    }
    return Class.forName(name, true, userClasses);
  }
}
