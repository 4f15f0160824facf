package io.dyninka.maven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dyninka.maven.resources.KubernetesResources;
import io.dyninka.maven.resources.ResourceSettings;
import io.dyninka.maven.testing.Manifests;
import io.dyninka.maven.testing.Settings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesConnectionTest {

  @TempDir Path dir;

  @Test
  @DisplayName("a refused API server is reported with its URL and how to choose another target")
  void refused() {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl("https://127.0.0.1:1").build();
    List<String> log = new ArrayList<>();
    try (KubernetesConnection connection = KubernetesConnection.open(config)) {
      KubernetesDeployer deployer =
          new KubernetesDeployer(
              connection.client(), "test", Duration.ofSeconds(5), Duration.ofMillis(50), log::add);
      ResourceSettings settings = Settings.defaults();
      var objects =
          KubernetesResources.withDefaultSteps().generate(Manifests.smartBuilding(), settings);
      assertThatThrownBy(() -> deployer.deploy("smart-building", objects))
          .isInstanceOf(DeployException.class)
          .hasMessageContaining("No Kubernetes cluster reachable at https://127.0.0.1:1/")
          .hasMessageContaining("-Ddyninka.target=podman|marathon|local")
          .hasMessageNotContaining("deploy elsewhere");
    }
  }

  /**
   * Maven closes the plugin's class loader once the goal returns: a Vert.x or Netty thread of the
   * client still running then fails with {@code NoClassDefFoundError}s printed after BUILD FAILURE
   * (Netty's {@code GlobalEventExecutor$2}, loaded when its thread starts). So after a failed
   * deploy, closing the deployer, as DeployMojo's try-with-resources does, must have stopped every
   * such thread the deploy started. The API server answers, so the client really holds a connection
   * when the deploy fails.
   */
  @Test
  @DisplayName("after a deploy the API server forbids, no Vert.x or Netty thread is left running")
  void noThreadOutlivesAFailedDeploy() throws Exception {
    HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext("/", KubernetesConnectionTest::forbid);
    api.start(); // its one dispatcher thread starts here, before the threads are counted
    try {
      Path kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(
          kubeconfig,
          KUBECONFIG.replace("SERVER", "http://127.0.0.1:" + api.getAddress().getPort()));
      TargetDetector detector =
          new TargetDetector(Map.of("KUBECONFIG", kubeconfig.toString()), dir.resolve("none"));
      TargetSettings settings =
          new TargetSettings("test", Duration.ofSeconds(5), null, List.of("podman"), true, dir);
      Set<Thread> before = Thread.getAllStackTraces().keySet();
      // fabric8 reads the kubeconfig this property names before the KUBECONFIG variable.
      String previous = System.setProperty("kubeconfig", kubeconfig.toString());
      try (Deployer deployer = Deployers.open(Target.KUBERNETES, detector, settings, s -> {})) {
        assertThatThrownBy(() -> deployer.deploy(Manifests.smartBuilding(), Settings.defaults()))
            .isInstanceOf(DeployException.class)
            .hasMessageContaining("Forbidden");
      } finally {
        if (previous == null) {
          System.clearProperty("kubeconfig");
        } else {
          System.setProperty("kubeconfig", previous);
        }
      }
      assertThat(httpStackThreadsStartedSince(before)).isEmpty();
    } finally {
      api.stop(0);
    }
  }

  /**
   * Threads started since {@code before} and still alive that belong to the client's HTTP stack:
   * Vert.x's by name (an idle worker runs only JDK code), or running Vert.x or Netty code.
   * fabric8's idle scheduler and the JDK's cleaner threads run only JDK code and swallow what their
   * tasks throw, so they cannot print anything after Maven closes the class loader.
   */
  private static List<String> httpStackThreadsStartedSince(Set<Thread> before) {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(entry -> !before.contains(entry.getKey()) && entry.getKey().isAlive())
        .filter(
            entry ->
                entry.getKey().getName().startsWith("vert.x-")
                    || Arrays.stream(entry.getValue())
                        .map(StackTraceElement::getClassName)
                        .anyMatch(
                            name -> name.startsWith("io.netty.") || name.startsWith("io.vertx.")))
        .map(entry -> entry.getKey().getName())
        .toList();
  }

  private static void forbid(HttpExchange exchange) throws IOException {
    byte[] status =
        ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"reason\":\"Forbidden\",\"code\":403,\"message\":\"forbidden by the test\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(403, status.length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(status);
    }
  }

  private static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      clusters:
      - name: forbidding
        cluster:
          server: SERVER
      users:
      - name: someone
        user:
          token: not-a-secret
      contexts:
      - name: forbidding
        context:
          cluster: forbidding
          user: someone
          namespace: test
      current-context: forbidding
      """;

  @Test
  @DisplayName(
      "the kubernetes target without a kubeconfig or a pod says so, not the in-cluster URL")
  void noKubeconfig() {
    TargetDetector detector = new TargetDetector(Map.of(), dir.resolve("no-such-config"));
    TargetSettings settings =
        new TargetSettings("", Duration.ofSeconds(1), null, List.of("podman"), true, dir);
    assertThatThrownBy(() -> Deployers.open(Target.KUBERNETES, detector, settings, s -> {}))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("No Kubernetes cluster configured")
        .hasMessageContaining(dir.resolve("no-such-config").toString())
        .hasMessageContaining("KUBECONFIG");
  }

  @Test
  @DisplayName("undeploy from the local target removes nothing and fails on nothing")
  void local() throws Exception {
    TargetDetector detector = new TargetDetector(Map.of(), dir.resolve("none"));
    TargetSettings settings =
        new TargetSettings("", Duration.ofSeconds(1), null, List.of("podman"), true, dir);
    try (Deployer local = Deployers.open(Target.LOCAL, detector, settings, s -> {})) {
      assertThat(local.undeploy(Manifests.smartBuilding())).isEmpty();
      assertThatThrownBy(() -> local.deploy(Manifests.smartBuilding(), Settings.defaults()))
          .hasMessageContaining("mvn dyninka:run");
    }
  }
}
