package io.dyninka.maven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.maven.resources.PodSettings;
import io.dyninka.maven.resources.PodmanResources;
import io.dyninka.maven.resources.ResourceSettings;
import io.dyninka.maven.testing.Manifests;
import io.dyninka.maven.testing.Settings;
import io.fabric8.kubernetes.api.model.Pod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The podman deployer against a recording stand-in for the podman CLI, and health endpoints on
 * loopback.
 */
class PodmanDeployerTest {

  static final AppManifest APP = Manifests.smartBuilding();
  @TempDir Path work;
  final List<List<String>> commands = new ArrayList<>();

  /** The pods "podman" has: name → labels. */
  final Map<String, JsonObject> pods = new LinkedHashMap<>();

  final List<HttpServer> health = new ArrayList<>();
  final List<String> log = new ArrayList<>();
  boolean failPlay;

  CommandRunner fakePodman =
      (command, timeout) -> {
        commands.add(command);
        List<String> args = command.subList(3, command.size());
        if (args.get(0).equals("pod") && args.get(1).equals("ps")) {
          JsonArray list = new JsonArray();
          pods.forEach(
              (name, labels) -> list.add(new JsonObject().put("Name", name).put("Labels", labels)));
          return new CommandRunner.Result(0, list.encode());
        }
        if (args.get(0).equals("kube")) {
          if (failPlay) {
            return new CommandRunner.Result(
                125, "Error: initializing source docker://127.0.0.1:5000/x: manifest unknown");
          }
          String yaml = Files.readString(Path.of(command.get(command.size() - 1)));
          Pod pod = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(yaml, Pod.class);
          pods.put(
              pod.getMetadata().getName(),
              new JsonObject(new LinkedHashMap<>(pod.getMetadata().getLabels())));
          return new CommandRunner.Result(0, "Pod:\nabc\n");
        }
        if (args.get(0).equals("pod") && args.get(1).equals("rm")) {
          pods.remove(args.get(3));
          return new CommandRunner.Result(0, "");
        }
        return new CommandRunner.Result(1, "unexpected " + command);
      };

  @AfterEach
  void stop() {
    health.forEach(s -> s.stop(0));
  }

  /** Answers /health/ready on the loopback port of every service, as the running pods would. */
  ResourceSettings servicesListening() throws Exception {
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20000 + random.nextInt(20000);
      ResourceSettings settings =
          ResourceSettings.builder().tag("1").version("1").podmanBasePort(base).build();
      try {
        for (int port : PodmanResources.ports(APP, settings).values()) {
          HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
          s.createContext(
              "/health/ready",
              e -> {
                e.sendResponseHeaders(200, -1);
                e.close();
              });
          s.start();
          health.add(s);
        }
        return settings;
      } catch (java.net.BindException e) {
        stop();
        health.clear();
      }
    }
    throw new IllegalStateException("no four free consecutive loopback ports");
  }

  PodmanDeployer deployer(Duration timeout) {
    return new PodmanDeployer(
        fakePodman,
        List.of("podman", "--runtime", "runc"),
        false,
        work,
        timeout,
        Duration.ofMillis(20),
        log::add);
  }

  @Test
  @DisplayName(
      "plays one pod per service with the given runtime and waits for /health/ready; a redeploy of the same plays nothing")
  void deploysAndIsIdempotent() throws Exception {
    ResourceSettings settings = servicesListening();
    DeployResult result = deployer(Duration.ofSeconds(10)).deploy(APP, settings);

    assertThat(result.changed()).hasSize(4);
    assertThat(commands)
        .filteredOn(c -> c.contains("kube"))
        .hasSize(4)
        .allSatisfy(
            c ->
                assertThat(c)
                    .startsWith(
                        "podman",
                        "--runtime",
                        "runc",
                        "kube",
                        "play",
                        "--replace",
                        "--tls-verify=false"));
    assertThat(result.entry()).endsWith(":" + (settings.podmanBasePort() + 3) + "/");
    assertThat(log).contains("ready 4/4");

    commands.clear();
    DeployResult again = deployer(Duration.ofSeconds(10)).deploy(APP, settings);
    assertThat(again.changed()).isEmpty();
    assertThat(commands).noneMatch(c -> c.contains("kube"));
  }

  @Test
  @DisplayName("a pod that cannot start is removed again, and the error says the image is missing")
  void failureRemovesPods() throws Exception {
    ResourceSettings settings =
        ResourceSettings.builder().tag("1").version("1").podmanBasePort(1).build();
    failPlay = true;
    assertThatThrownBy(() -> deployer(Duration.ofSeconds(1)).deploy(APP, settings))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("The image is missing")
        .hasMessageContaining("Nothing had been started");
    assertThat(pods).isEmpty();
  }

  @Test
  @DisplayName("services that never get ready time out, and the started pods are removed")
  void timeoutRemoves() throws Exception {
    ResourceSettings settings =
        ResourceSettings.builder().tag("1").version("1").podmanBasePort(1).build();
    assertThatThrownBy(() -> deployer(Duration.ofMillis(200)).deploy(APP, settings))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("dyninka.deploy.timeout");
    assertThat(pods).isEmpty();
  }

  @Test
  @DisplayName("undeploy removes the app's pods, found by label")
  void undeploy() throws Exception {
    ResourceSettings settings = servicesListening();
    deployer(Duration.ofSeconds(10)).deploy(APP, settings);
    List<String> removed = deployer(Duration.ofSeconds(10)).undeploy(APP.app());
    assertThat(removed).hasSize(4);
    assertThat(pods).isEmpty();
    assertThat(commands)
        .anySatisfy(c -> assertThat(c).contains("label=app.kubernetes.io/part-of=smart-building"));
  }

  @Test
  @DisplayName(
      "a change of grouping removes the pods the old grouping had and plays the new groups' pods;"
          + " an unchanged pod stays")
  void regroupRemovesOldPods() throws Exception {
    ResourceSettings split = servicesListening();
    deployer(Duration.ofSeconds(10)).deploy(APP, split);
    assertThat(pods).hasSize(4);
    commands.clear();
    log.clear();

    ResourceSettings grouped =
        split.withPlacement(Placement.parse("get+filterTemperature+map", APP));
    DeployResult result = deployer(Duration.ofSeconds(10)).deploy(APP, grouped);

    assertThat(pods.keySet())
        .containsExactly(
            "smart-building-moving-avg", "smart-building-get--filter-temperature--map");
    assertThat(result.changed()).containsExactly("smart-building-get--filter-temperature--map");
    assertThat(result.unchanged()).containsExactly("smart-building-moving-avg");
    assertThat(log)
        .contains(
            "removed    pod smart-building-get (not in this placement)",
            "removed    pod smart-building-filter-temperature (not in this placement)",
            "removed    pod smart-building-map (not in this placement)");
    // the old pods go before the new one binds their ports
    int lastRemoval = -1;
    int play = -1;
    for (int i = 0; i < commands.size(); i++) {
      if (commands.get(i).contains("rm")) {
        lastRemoval = i;
      } else if (commands.get(i).contains("kube") && play < 0) {
        play = i;
      }
    }
    assertThat(lastRemoval).isLessThan(play);
    assertThat(result.entry()).endsWith(":" + (split.podmanBasePort() + 3) + "/");

    deployer(Duration.ofSeconds(10)).deploy(APP, split);
    assertThat(pods).hasSize(4).doesNotContainKey("smart-building-get--filter-temperature--map");
  }

  @Test
  @DisplayName("refuses a ConfigMap in envFrom, which kube play reads only from a file, naming it")
  void refusesConfigMaps() throws Exception {
    ResourceSettings base = servicesListening();
    ResourceSettings withConfigMap =
        Settings.withPods(
            base,
            new PodSettings(
                Map.of(),
                Map.of(),
                PodSettings.parseEnvFrom(
                    "dyninka.envFrom", "secret:app-token,configmap:app-config"),
                Map.of(),
                List.of(),
                Map.of(),
                List.of(),
                "IfNotPresent",
                PodSettings.PreStop.SLEEP));
    assertThatThrownBy(() -> deployer(Duration.ofSeconds(1)).deploy(APP, withConfigMap))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("ConfigMap(s) app-config")
        .hasMessageContaining("--configmap");
    assertThat(commands).noneMatch(c -> c.contains("kube"));
  }
}
