package io.dyninka.maven.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.testing.Manifests;
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
}
