package io.dyninka.maven.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.testing.Manifests;
import io.dyninka.maven.testing.Settings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VariantsTest {

  static final AppManifest APP = Manifests.smartBuilding();
  static final ResourceSettings SETTINGS = KubernetesResourcesTest.settings(Map.of(), 1);

  @Test
  @DisplayName(
      "podman: one host-network pod per service, each on its loopback port, peers on loopback")
  void podman() {
    String yaml = KubernetesResources.toYaml(PodmanResources.generate(APP, SETTINGS));
    Object parsed =
        Serialization.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    @SuppressWarnings("unchecked")
    List<Pod> pods =
        parsed instanceof KubernetesList l
            ? l.getItems().stream().map(Pod.class::cast).toList()
            : (List<Pod>) parsed;
    assertThat(pods)
        .extracting(p -> p.getMetadata().getName())
        .containsExactly(
            "smart-building-get",
            "smart-building-filter-temperature",
            "smart-building-map",
            "smart-building-moving-avg");
    Pod map = pods.get(2);
    assertThat(map.getSpec().getHostNetwork()).isTrue();
    var env = map.getSpec().getContainers().get(0).getEnv();
    assertThat(env).anyMatch(e -> e.getName().equals("PORT") && e.getValue().equals("9003"));
    assertThat(env)
        .anyMatch(
            e ->
                e.getName().equals("DYNINKA_PEERS")
                    && e.getValue()
                        .equals(
                            "get=http://127.0.0.1:9001,filterTemperature=http://127.0.0.1:9002,map=http://127.0.0.1:9003,movingAvg=http://127.0.0.1:9004"));
    assertThat(map.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(
            map.getSpec().getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem())
        .isTrue();
    assertThat(map.getSpec().getSecurityContext().getSeccompProfile().getType())
        .isEqualTo("RuntimeDefault");
    assertThat(map.getSpec().getAutomountServiceAccountToken()).isFalse();
    var hardened = map.getSpec().getContainers().get(0).getSecurityContext();
    assertThat(hardened.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(hardened.getAllowPrivilegeEscalation()).isFalse();
    assertThat(hardened.getPrivileged()).isFalse();
    assertThat(map.getSpec().getContainers().get(0).getVolumeMounts())
        .anyMatch(m -> m.getMountPath().equals("/tmp"));
    assertThat(map.getMetadata().getLabels())
        .containsEntry(Labels.PART_OF, "smart-building")
        .containsEntry(Labels.MANAGED_BY, "dyninka");
  }

  @Test
  @DisplayName(
      "marathon: an app group with health checks on /health/live, upstreams as dependencies")
  void marathon() {
    JsonObject group = MarathonResources.group(APP, SETTINGS);
    assertThat(group.getString("id")).isEqualTo("/smart-building");
    JsonObject map = group.getJsonArray("apps").getJsonObject(2);
    assertThat(map.getString("id")).isEqualTo("/smart-building/map");
    assertThat(map.getJsonArray("healthChecks").getJsonObject(0).getString("path"))
        .isEqualTo("/health/live");
    assertThat(map.getJsonArray("readinessChecks").getJsonObject(0).getString("path"))
        .isEqualTo("/health/ready");
    assertThat(map.getJsonArray("dependencies").getList())
        .containsExactly("/smart-building/filter-temperature");
    assertThat(map.getJsonObject("env").getString("DYNINKA_PEERS"))
        .contains("get=http://smart-building-get.marathon.l4lb.thisdcos.directory:80");
    assertThat(map.getJsonObject("container").getJsonObject("docker").getString("image"))
        .isEqualTo("127.0.0.1:5000/smart-building-map:1.0");
    JsonObject avg = group.getJsonArray("apps").getJsonObject(3);
    assertThat(avg.getJsonObject("upgradeStrategy").getInteger("maximumOverCapacity")).isZero();
  }

  /** TOKEN for every service, LEVEL for map only; a Secret for all, a ConfigMap for map. */
  static ResourceSettings withEnvironment(String envFrom, Map<String, String> serviceEnvFrom) {
    return Settings.withPods(
        SETTINGS,
        OperatorSettingsTest.pods(
            Map.of("DYNINKA_TOKEN", "s3cret"),
            Map.of("map", Map.of("LEVEL", "fine")),
            envFrom,
            serviceEnvFrom));
  }

  @Test
  @DisplayName("podman: env and envFrom on each pod's container, as on Kubernetes")
  void podmanEnvironment() {
    List<Pod> pods =
        ColocatedVariantsTest.pods(
            withEnvironment("secret:app-secrets", Map.of("map", "configmap:map-config")));
    Container get =
        ColocatedVariantsTest.pod(pods, "smart-building-get").getSpec().getContainers().get(0);
    Container map =
        ColocatedVariantsTest.pod(pods, "smart-building-map").getSpec().getContainers().get(0);
    assertThat(ColocatedVariantsTest.env(get, "DYNINKA_TOKEN")).isEqualTo("s3cret");
    assertThat(ColocatedVariantsTest.env(get, "LEVEL")).isNull();
    assertThat(ColocatedVariantsTest.env(map, "LEVEL")).isEqualTo("fine");
    assertThat(ColocatedVariantsTest.env(map, "PORT")).isEqualTo("9003");
    assertThat(get.getEnvFrom())
        .singleElement()
        .satisfies(from -> assertThat(from.getSecretRef().getName()).isEqualTo("app-secrets"));
    assertThat(map.getEnvFrom())
        .extracting(
            from ->
                from.getSecretRef() != null
                    ? "secret:" + from.getSecretRef().getName()
                    : "configmap:" + from.getConfigMapRef().getName())
        .containsExactly("secret:app-secrets", "configmap:map-config");
    assertThat(
            PodmanResources.configMapsOf(
                APP, withEnvironment("secret:app-secrets", Map.of("map", "configmap:map-config"))))
        .containsExactly("map-config");
    // a group's container has every member's variables and sources
    Container group =
        ColocatedVariantsTest.pods(
                withEnvironment("secret:app-secrets", Map.of("map", "configmap:map-config"))
                    .withPlacement(io.dyninka.manifest.Placement.parse("get+map", APP)))
            .get(0)
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(ColocatedVariantsTest.env(group, "LEVEL")).isEqualTo("fine");
    assertThat(group.getEnvFrom()).hasSize(2);
  }

  @Test
  @DisplayName("marathon: env in each app's env; envFrom is refused, saying why and what to do")
  void marathonEnvironment() {
    JsonObject group = MarathonResources.group(APP, withEnvironment("", Map.of()));
    JsonObject get = ColocatedVariantsTest.app(group, "/smart-building/get").getJsonObject("env");
    JsonObject map = ColocatedVariantsTest.app(group, "/smart-building/map").getJsonObject("env");
    assertThat(get.getString("DYNINKA_TOKEN")).isEqualTo("s3cret");
    assertThat(get.containsKey("LEVEL")).isFalse();
    assertThat(map.getString("LEVEL")).isEqualTo("fine");
    assertThat(map.getString("PORT")).isEqualTo("8080");

    assertThatThrownBy(
            () ->
                MarathonResources.group(
                    APP,
                    withEnvironment("secret:app-secrets", Map.of("map", "configmap:map-config"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "(secret:app-secrets, configmap:map-config) cannot be given to Marathon")
        .hasMessageContaining("<env>/<serviceEnv>");
  }
}
