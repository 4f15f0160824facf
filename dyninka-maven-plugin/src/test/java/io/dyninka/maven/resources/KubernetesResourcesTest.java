package io.dyninka.maven.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.image.BuiltImage;
import io.dyninka.maven.image.ImageTarget;
import io.dyninka.maven.testing.Manifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KubernetesResourcesTest {

  static final AppManifest APP = Manifests.smartBuilding();

  static ResourceSettings settings(Map<String, BuiltImage> images, int replicas) {
    return ResourceSettings.builder()
        .registry("127.0.0.1:5000")
        .tag("1.0")
        .images(images)
        .version("1.0-SNAPSHOT")
        .replicas(replicas)
        .requests(Map.of("cpu", "100m", "memory", "192Mi"))
        .limits(Map.of("memory", "256Mi"))
        .build();
  }

  /** The YAML as written, parsed back with fabric8's model: what kubectl would read. */
  static List<HasMetadata> parsedBack(ResourceSettings settings) {
    String yaml =
        KubernetesResources.toYaml(KubernetesResources.withDefaultSteps().generate(APP, settings));
    Object parsed =
        Serialization.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    @SuppressWarnings("unchecked")
    List<HasMetadata> items =
        parsed instanceof KubernetesList list ? list.getItems() : (List<HasMetadata>) parsed;
    return items;
  }

  static <T extends HasMetadata> T find(List<HasMetadata> objects, Class<T> kind, String name) {
    return objects.stream()
        .filter(kind::isInstance)
        .map(kind::cast)
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
  }

  final List<HasMetadata> objects = parsedBack(settings(Map.of(), 2));

  @Test
  @DisplayName(
      "the YAML parses back into a Service, NetworkPolicy and Deployment per service, policies before pods")
  void parsesBack() {
    assertThat(objects)
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly(
            "Service/get",
            "Service/filter-temperature",
            "Service/map",
            "Service/moving-avg",
            "NetworkPolicy/get",
            "NetworkPolicy/filter-temperature",
            "NetworkPolicy/map",
            "NetworkPolicy/moving-avg",
            "Deployment/get",
            "Deployment/filter-temperature",
            "Deployment/map",
            "Deployment/moving-avg");
    assertThat(objects)
        .allSatisfy(
            o ->
                assertThat(o.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/part-of", "smart-building")
                    .containsEntry("app.kubernetes.io/managed-by", "dyninka"));
  }

  @Test
  @DisplayName(
      "a Service is named after the kube name and serves port 80, so http://<kubeName> reaches it")
  void serviceDns() {
    Service s = find(objects, Service.class, "filter-temperature");
    assertThat(s.getSpec().getPorts().get(0).getPort()).isEqualTo(80);
    assertThat(s.getSpec().getSelector())
        .containsEntry("app.kubernetes.io/name", "filter-temperature");
  }

  @Nested
  @DisplayName("each Deployment")
  class Deployments {
    final Deployment map = find(objects, Deployment.class, "map");
    final PodSpec pod = map.getSpec().getTemplate().getSpec();
    final Container c = pod.getContainers().get(0);

    @Test
    @DisplayName("probes /health/ready and /health/live on its http port")
    void probes() {
      assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
      assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
      assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health/live");
      assertThat(c.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
      assertThat(c.getEnv())
          .anyMatch(e -> e.getName().equals("PORT") && e.getValue().equals("8080"));
    }

    @Test
    @DisplayName(
        "pauses before SIGTERM and gives the service's grace period room, so a rollout loses nothing")
    void gracefulShutdown() {
      assertThat(c.getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(5L);
      assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(5L + 10L);
    }

    @Test
    @DisplayName(
        "runs non-root, read-only, without privilege escalation or capabilities, with an in-memory /tmp")
    void securityContext() {
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
      assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
      assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(c.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
      assertThat(pod.getVolumes()).anyMatch(v -> v.getEmptyDir() != null);
      assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    }

    @Test
    @DisplayName("has the configured requests and limits")
    void resources() {
      assertThat(c.getResources().getRequests())
          .containsEntry("cpu", new Quantity("100m"))
          .containsEntry("memory", new Quantity("192Mi"));
      assertThat(c.getResources().getLimits())
          .containsEntry("memory", new Quantity("256Mi"))
          .doesNotContainKey("cpu");
    }

    @Test
    @DisplayName("keeps a stateful service at one replica, replaced rather than rolled")
    void statefulService() {
      Deployment avg = find(objects, Deployment.class, "moving-avg");
      assertThat(avg.getSpec().getReplicas()).isEqualTo(1);
      assertThat(avg.getSpec().getStrategy().getType()).isEqualTo("Recreate");
      assertThat(map.getSpec().getReplicas()).isEqualTo(2);
    }
  }

  @Nested
  @DisplayName("network policies")
  class Policies {
    @Test
    @DisplayName("admit a service's ingress only from the services that pull from it")
    void onlyDownstream() {
      NetworkPolicy get = find(objects, NetworkPolicy.class, "get");
      assertThat(get.getSpec().getPolicyTypes()).containsExactly("Ingress");
      assertThat(get.getSpec().getIngress()).hasSize(1);
      assertThat(get.getSpec().getIngress().get(0).getFrom())
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.getPodSelector().getMatchLabels())
                      .containsEntry("app.kubernetes.io/name", "filter-temperature"));
    }

    @Test
    @DisplayName("admit both downstreams of a fan-in's upstream... and only the zip into a and b")
    void fanIn() {
      AppManifest fan = Manifests.fanIn();
      List<HasMetadata> all =
          KubernetesResources.withDefaultSteps().generate(fan, settings(Map.of(), 1));
      NetworkPolicy a = find(all, NetworkPolicy.class, "a");
      assertThat(a.getSpec().getIngress().get(0).getFrom())
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.getPodSelector().getMatchLabels())
                      .containsEntry("app.kubernetes.io/name", "zip"));
    }

    @Test
    @DisplayName("open the sink to every pod of its namespace")
    void sinkOpen() {
      NetworkPolicy sink = find(objects, NetworkPolicy.class, "moving-avg");
      assertThat(sink.getSpec().getIngress().get(0).getFrom())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.getPodSelector().getMatchLabels()).isNullOrEmpty();
                assertThat(p.getNamespaceSelector()).isNull();
              });
    }
  }

  @Test
  @DisplayName("images recorded by dyninka:build are pinned by digest, with the digest annotated")
  void pinnedImages() {
    Map<String, BuiltImage> images =
        Map.of(
            "map",
            new BuiltImage(
                "map",
                "127.0.0.1:5000/smart-building-map:1.0",
                "127.0.0.1:5000/smart-building-map",
                "sha256:" + "a".repeat(64),
                "sha256:" + "b".repeat(64),
                ImageTarget.REGISTRY));
    List<HasMetadata> pinned = parsedBack(settings(images, 1));
    Deployment map = find(pinned, Deployment.class, "map");
    assertThat(map.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("127.0.0.1:5000/smart-building-map@sha256:" + "a".repeat(64));
    assertThat(map.getMetadata().getAnnotations())
        .containsEntry(Labels.IMAGE_DIGEST, "sha256:" + "a".repeat(64));
    assertThat(
            find(pinned, Deployment.class, "get")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo("127.0.0.1:5000/smart-building-get:1.0");
  }

  @Test
  @DisplayName("a new app version alone does not change a pod template, so it rolls nothing")
  void versionDoesNotRoll() {
    ResourceSettings v1 = settings(Map.of(), 1);
    ResourceSettings v2 = v1.toBuilder().version("2.0").replicas(1).build();
    Deployment a =
        find(KubernetesResources.withDefaultSteps().generate(APP, v1), Deployment.class, "map");
    Deployment b =
        find(KubernetesResources.withDefaultSteps().generate(APP, v2), Deployment.class, "map");
    assertThat(b.getSpec().getTemplate()).isEqualTo(a.getSpec().getTemplate());
    assertThat(b.getMetadata().getLabels()).containsEntry(Labels.VERSION, "2.0");
  }

  @Test
  @DisplayName("the same manifest gives byte-identical YAML")
  void deterministic() {
    ResourceSettings s = settings(Map.of(), 1);
    assertThat(KubernetesResources.toYaml(KubernetesResources.withDefaultSteps().generate(APP, s)))
        .isEqualTo(
            KubernetesResources.toYaml(KubernetesResources.withDefaultSteps().generate(APP, s)));
  }
}
