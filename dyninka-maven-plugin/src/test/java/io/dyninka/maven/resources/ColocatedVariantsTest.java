package io.dyninka.maven.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.maven.testing.Manifests;
import io.dyninka.maven.testing.Settings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("podman and Marathon resources with -Ddyninka.colocate")
class ColocatedVariantsTest {

  static final AppManifest APP = Manifests.smartBuilding();
  static final ResourceSettings SPLIT = KubernetesResourcesTest.settings(Map.of(), 1);

  static ResourceSettings grouped(String spec) {
    return SPLIT.withPlacement(Placement.parse(spec, APP));
  }

  /** The pods as written, parsed back: what podman kube play reads. */
  static List<Pod> pods(ResourceSettings settings) {
    String yaml = KubernetesResources.toYaml(PodmanResources.generate(APP, settings));
    Object parsed =
        Serialization.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    if (parsed instanceof KubernetesList list) {
      return list.getItems().stream().map(Pod.class::cast).toList();
    }
    @SuppressWarnings("unchecked")
    List<Pod> pods = parsed instanceof Pod pod ? List.of(pod) : (List<Pod>) parsed;
    return pods;
  }

  static Pod pod(List<Pod> pods, String name) {
    return pods.stream()
        .filter(p -> p.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static String env(Container c, String name) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElse(null);
  }

  static JsonObject app(JsonObject group, String id) {
    for (Object o : group.getJsonArray("apps")) {
      if (((JsonObject) o).getString("id").equals(id)) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError("no app " + id + " in " + group.encodePrettily());
  }

  @Nested
  @DisplayName("podman")
  class Podman {

    final List<Pod> split = pods(SPLIT);
    final List<Pod> headGrouped = pods(grouped("get+filterTemperature+map"));

    @Test
    @DisplayName(
        "one pod per group running the first member's image, each member on its split loopback"
            + " port, DYNINKA_PEERS unchanged")
    void podPerGroup() {
      assertThat(headGrouped)
          .extracting(p -> p.getMetadata().getName())
          .containsExactly(
              "smart-building-get--filter-temperature--map", "smart-building-moving-avg");
      Pod group = pod(headGrouped, "smart-building-get--filter-temperature--map");
      assertThat(group.getSpec().getHostNetwork()).isTrue();
      assertThat(group.getSpec().getContainers()).hasSize(1);
      Container c = group.getSpec().getContainers().get(0);
      assertThat(c.getImage()).isEqualTo("127.0.0.1:5000/smart-building-get:1.0");
      // the image's own entrypoint, JVM flags and all, hosts the group
      assertThat(c.getCommand()).isNullOrEmpty();
      assertThat(env(c, "DYNINKA_GROUP")).isEqualTo("get+filterTemperature+map");
      assertThat(env(c, "DYNINKA_PORTS")).isEqualTo("get=9001,filterTemperature=9002,map=9003");
      assertThat(env(c, "PORT")).isNull();
      Container splitMap = pod(split, "smart-building-map").getSpec().getContainers().get(0);
      assertThat(env(c, "DYNINKA_PEERS")).isEqualTo(env(splitMap, "DYNINKA_PEERS"));
      assertThat(group.getMetadata().getLabels())
          .containsEntry(Labels.NAME, "get--filter-temperature--map")
          .containsEntry(Labels.PART_OF, "smart-building");
      assertThat(group.getMetadata().getAnnotations())
          .containsEntry(Labels.SERVICE, "get+filterTemperature+map");
      assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
      assertThat(group.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();

      // the lone sink's pod is exactly the split one
      assertThat(pod(headGrouped, "smart-building-moving-avg"))
          .isEqualTo(pod(split, "smart-building-moving-avg"));
    }

    @Test
    @DisplayName("all: one pod for the whole app; split: the pods of before, one per service")
    void allAndSplit() {
      List<Pod> all = pods(grouped("all"));
      assertThat(all).singleElement();
      Container c = all.get(0).getSpec().getContainers().get(0);
      assertThat(env(c, "DYNINKA_GROUP")).isEqualTo("get+filterTemperature+map+movingAvg");
      assertThat(env(c, "DYNINKA_PORTS"))
          .isEqualTo("get=9001,filterTemperature=9002,map=9003,movingAvg=9004");
      assertThat(pods(SPLIT.withPlacement(Placement.split(APP)))).isEqualTo(split);
    }
  }

  @Nested
  @DisplayName("Marathon")
  class Marathon {

    final JsonObject split = MarathonResources.group(APP, SPLIT);
    final JsonObject headGrouped =
        MarathonResources.group(APP, grouped("get+filterTemperature+map"));

    @Test
    @DisplayName(
        "one app per group: a port and VIP per member, probes on the member that starts last, the"
            + " CPUs of all members")
    void appPerGroup() {
      assertThat(
              headGrouped.getJsonArray("apps").stream().map(a -> ((JsonObject) a).getString("id")))
          .containsExactly(
              "/smart-building/get--filter-temperature--map", "/smart-building/moving-avg");
      JsonObject group = app(headGrouped, "/smart-building/get--filter-temperature--map");
      assertThat(group.getJsonObject("container").getJsonObject("docker").getString("image"))
          .isEqualTo("127.0.0.1:5000/smart-building-get:1.0");
      JsonArray ports = group.getJsonObject("container").getJsonArray("portMappings");
      assertThat(ports.stream().map(p -> ((JsonObject) p).getInteger("containerPort")))
          .containsExactly(8080, 8081, 8082);
      assertThat(
              ports.stream().map(p -> ((JsonObject) p).getJsonObject("labels").getString("VIP_0")))
          .containsExactly(
              "/smart-building-get:80",
              "/smart-building-filter-temperature:80",
              "/smart-building-map:80");
      JsonObject env = group.getJsonObject("env");
      assertThat(env.getString("DYNINKA_GROUP")).isEqualTo("get+filterTemperature+map");
      assertThat(env.getString("DYNINKA_PORTS"))
          .isEqualTo("get=8080,filterTemperature=8081,map=8082");
      assertThat(env.containsKey("PORT")).isFalse();
      assertThat(env.getString("DYNINKA_PEERS"))
          .isEqualTo(
              app(split, "/smart-building/map").getJsonObject("env").getString("DYNINKA_PEERS"));
      assertThat(group.getJsonArray("healthChecks").getJsonObject(0).getInteger("portIndex"))
          .isEqualTo(2);
      assertThat(group.getJsonArray("readinessChecks").getJsonObject(0).getString("portName"))
          .isEqualTo(ports.getJsonObject(2).getString("name"));
      assertThat(group.getDouble("cpus")).isEqualTo(0.75);
      assertThat(group.getInteger("mem")).isEqualTo(256);
      assertThat(group.getJsonArray("dependencies")).isEmpty();
      assertThat(group.getJsonObject("labels").getString(Labels.SERVICE))
          .isEqualTo("get+filterTemperature+map");

      JsonObject sink = app(headGrouped, "/smart-building/moving-avg");
      assertThat(sink.getJsonArray("dependencies").getList())
          .containsExactly("/smart-building/get--filter-temperature--map");
      assertThat(sink.copy().put("dependencies", null))
          .isEqualTo(app(split, "/smart-building/moving-avg").copy().put("dependencies", null));
    }

    @Test
    @DisplayName("a group with a stateful member runs one instance, replaced and never doubled")
    void statefulGroup() {
      JsonObject tail =
          app(
              MarathonResources.group(APP, grouped("map+movingAvg")),
              "/smart-building/map--moving-avg");
      assertThat(tail.getInteger("instances")).isEqualTo(1);
      assertThat(tail.getJsonObject("upgradeStrategy").getInteger("maximumOverCapacity")).isZero();
      assertThat(tail.getJsonObject("upgradeStrategy").getInteger("minimumHealthCapacity"))
          .isZero();
      assertThat(tail.getJsonArray("dependencies").getList())
          .containsExactly("/smart-building/filter-temperature");
    }
  }

  @Test
  @DisplayName("members of one process that set a variable differently are refused, naming both")
  void conflictingEnvironment() {
    PodSettings pods =
        new PodSettings(
            Map.of(),
            Map.of("get", Map.of("MODE", "fast"), "map", Map.of("MODE", "exact")),
            List.of(),
            Map.of(),
            List.of(),
            Map.of(),
            List.of(),
            "IfNotPresent",
            PodSettings.PreStop.SLEEP);
    ResourceSettings settings = Settings.withPods(grouped("get+filterTemperature+map"), pods);
    String message =
        "services 'get' and 'map' of group 'get+filterTemperature+map' (dyninka.colocate) set MODE"
            + " differently";
    assertThatThrownBy(() -> PodmanResources.generate(APP, settings)).hasMessageContaining(message);
    assertThatThrownBy(() -> MarathonResources.group(APP, settings)).hasMessageContaining(message);
  }
}
