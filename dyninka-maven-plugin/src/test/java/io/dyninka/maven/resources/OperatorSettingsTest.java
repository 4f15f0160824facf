package io.dyninka.maven.resources;

import static io.dyninka.maven.resources.KubernetesResourcesTest.find;
import static io.dyninka.maven.resources.KubernetesResourcesTest.parsedBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What an operator sets, read back from the generated YAML with fabric8's model. */
class OperatorSettingsTest {

  static ResourceSettings with(PodSettings pods) {
    return ResourceSettings.builder()
        .registry("127.0.0.1:5000")
        .tag("1.0")
        .version("1.0-SNAPSHOT")
        .requests(Map.of("cpu", "100m"))
        .limits(Map.of("memory", "256Mi"))
        .pods(pods)
        .build();
  }

  static PodSettings pods(
      Map<String, String> env,
      Map<String, Map<String, String>> serviceEnv,
      String envFrom,
      Map<String, String> serviceEnvFrom) {
    return new PodSettings(
        env,
        serviceEnv,
        PodSettings.parseEnvFrom(PodSettings.ENV_FROM, envFrom),
        Map.of(
            "map",
            PodSettings.parseEnvFrom(
                "<serviceEnvFrom><map>", serviceEnvFrom.getOrDefault("map", ""))),
        List.of(),
        Map.of(),
        List.of(),
        "IfNotPresent",
        PodSettings.PreStop.SLEEP);
  }

  private static Container container(List<HasMetadata> objects, String name) {
    return pod(objects, name).getContainers().get(0);
  }

  private static PodSpec pod(List<HasMetadata> objects, String name) {
    return find(objects, Deployment.class, name).getSpec().getTemplate().getSpec();
  }

  private static Map<String, String> env(Container c) {
    return c.getEnv().stream()
        .collect(java.util.stream.Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  @Test
  @DisplayName("variables of the app reach every service; a service's own win over them")
  void environment() {
    List<HasMetadata> objects =
        parsedBack(
            with(
                pods(
                    Map.of("DYNINKA_TOKEN", "s3cret", "LEVEL", "app"),
                    Map.of("map", Map.of("LEVEL", "map")),
                    "secret:app-secrets,configmap:app-config",
                    Map.of("map", "secret:map-only"))));

    assertThat(env(container(objects, "get")))
        .containsEntry("DYNINKA_TOKEN", "s3cret")
        .containsEntry("LEVEL", "app")
        .containsEntry("PORT", "8080");
    assertThat(env(container(objects, "map"))).containsEntry("LEVEL", "map");
    assertThat(container(objects, "get").getEnvFrom())
        .extracting(
            f ->
                f.getSecretRef() != null
                    ? "secret " + f.getSecretRef().getName()
                    : "configmap " + f.getConfigMapRef().getName())
        .containsExactly("secret app-secrets", "configmap app-config");
    assertThat(container(objects, "map").getEnvFrom())
        .extracting(f -> f.getSecretRef() == null ? null : f.getSecretRef().getName())
        .containsExactly("app-secrets", null, "map-only");
  }

  @Test
  @DisplayName("a bad envFrom entry and a variable Dyninka owns are refused, naming the setting")
  void refused() {
    assertThatThrownBy(() -> PodSettings.parseEnvFrom(PodSettings.ENV_FROM, "vault:x"))
        .hasMessage(
            "dyninka.envFrom expects secret:<name> or configmap:<name>, separated by commas, not 'vault:x'");
    assertThatThrownBy(() -> pods(Map.of("PORT", "1"), Map.of(), "", Map.of()))
        .hasMessageContaining("<env>/<serviceEnv> set PORT, which Dyninka sets itself");
    assertThatThrownBy(
            () ->
                new PodSettings(
                    Map.of(),
                    Map.of(),
                    List.of(),
                    Map.of(),
                    List.of(),
                    Map.of(),
                    List.of(),
                    "Sometimes",
                    PodSettings.PreStop.SLEEP))
        .hasMessageContaining("dyninka.imagePullPolicy must be Always, IfNotPresent or Never");
    assertThatThrownBy(() -> PodSettings.PreStop.parse("exec"))
        .hasMessageContaining("dyninka.preStop must be sleep (Kubernetes 1.30 or later) or none");
  }

  @Test
  @DisplayName(
      "the sink admits its own namespace and the pods of the namespaces and labels an operator names; other policies do not change")
  void sinkCallers() {
    PodSettings pods =
        new PodSettings(
            Map.of(),
            Map.of(),
            List.of(),
            Map.of(),
            PodSettings.list("ingress-nginx, monitoring"),
            PodSettings.parsePairs(
                PodSettings.SINK_ALLOW_POD_LABELS, "app.kubernetes.io/name=ingress-nginx"),
            List.of(),
            "IfNotPresent",
            PodSettings.PreStop.SLEEP);
    List<HasMetadata> objects = parsedBack(with(pods));

    List<NetworkPolicyPeer> from =
        find(objects, NetworkPolicy.class, "moving-avg").getSpec().getIngress().get(0).getFrom();
    assertThat(from).hasSize(3);
    assertThat(from.get(0).getNamespaceSelector()).isNull();
    assertThat(from.get(0).getPodSelector().getMatchLabels()).isNullOrEmpty();
    assertThat(from.subList(1, 3))
        .extracting(
            p -> p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
        .containsExactly("ingress-nginx", "monitoring");
    assertThat(from.subList(1, 3))
        .allSatisfy(
            p ->
                assertThat(p.getPodSelector().getMatchLabels())
                    .containsExactlyEntriesOf(Map.of("app.kubernetes.io/name", "ingress-nginx")));
    assertThat(find(objects, NetworkPolicy.class, "get").getSpec().getIngress().get(0).getFrom())
        .singleElement()
        .satisfies(p -> assertThat(p.getNamespaceSelector()).isNull());
  }

  @Test
  @DisplayName("labels alone admit such pods from any namespace")
  void labelsAlone() {
    PodSettings pods =
        new PodSettings(
            Map.of(),
            Map.of(),
            List.of(),
            Map.of(),
            List.of(),
            Map.of("role", "gateway"),
            List.of(),
            "IfNotPresent",
            PodSettings.PreStop.SLEEP);
    List<NetworkPolicyPeer> from =
        find(parsedBack(with(pods)), NetworkPolicy.class, "moving-avg")
            .getSpec()
            .getIngress()
            .get(0)
            .getFrom();
    assertThat(from).hasSize(2);
    assertThat(from.get(1).getNamespaceSelector()).isNotNull();
    assertThat(from.get(1).getNamespaceSelector().getMatchLabels()).isNullOrEmpty();
    assertThat(from.get(1).getPodSelector().getMatchLabels()).containsEntry("role", "gateway");
  }

  @Test
  @DisplayName("pull Secrets and the pull policy reach every pod")
  void imagePull() {
    PodSettings pods =
        new PodSettings(
            Map.of(),
            Map.of(),
            List.of(),
            Map.of(),
            List.of(),
            Map.of(),
            List.of("regcred", "mirror"),
            "Always",
            PodSettings.PreStop.SLEEP);
    List<HasMetadata> objects = parsedBack(with(pods));
    assertThat(pod(objects, "get").getImagePullSecrets())
        .extracting(LocalObjectReference::getName)
        .containsExactly("regcred", "mirror");
    assertThat(container(objects, "moving-avg").getImagePullPolicy()).isEqualTo("Always");
    assertThat(container(parsedBack(with(PodSettings.NONE)), "get").getImagePullPolicy())
        .isEqualTo("IfNotPresent");
  }

  @Test
  @DisplayName("images without a registry are reported unless the policy is Never")
  void unpullable() {
    ResourceSettings noRegistry = ResourceSettings.builder().tag("1.0").version("1.0").build();
    assertThat(noRegistry.unpullableImages(KubernetesResourcesTest.APP))
        .contains("smart-building-get:1.0");
    assertThat(with(PodSettings.NONE).unpullableImages(KubernetesResourcesTest.APP)).isEmpty();
    ResourceSettings never =
        ResourceSettings.builder()
            .tag("1.0")
            .version("1.0")
            .pods(
                new PodSettings(
                    Map.of(),
                    Map.of(),
                    List.of(),
                    Map.of(),
                    List.of(),
                    Map.of(),
                    List.of(),
                    "Never",
                    PodSettings.PreStop.SLEEP))
            .build();
    assertThat(never.unpullableImages(KubernetesResourcesTest.APP)).isEmpty();
  }

  @Test
  @DisplayName(
      "preStop none drops the sleep action (Kubernetes < 1.30) and has the service drain itself for as long")
  void preStopNone() {
    PodSettings pods =
        new PodSettings(
            Map.of(),
            Map.of(),
            List.of(),
            Map.of(),
            List.of(),
            Map.of(),
            List.of(),
            "IfNotPresent",
            PodSettings.PreStop.NONE);
    Container c = container(parsedBack(with(pods)), "get");
    assertThat(c.getLifecycle()).isNull();
    assertThat(env(c)).containsEntry("DYNINKA_DRAIN_DELAY_MS", "5000");
    Container sleeping = container(parsedBack(with(PodSettings.NONE)), "get");
    assertThat(sleeping.getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(5L);
    assertThat(env(sleeping)).doesNotContainKey("DYNINKA_DRAIN_DELAY_MS");
  }
}
