package io.dyninka.maven.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.testing.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Scrape annotations, autoscalers and the ServiceMonitor, read back from the YAML as kubectl would.
 */
@EnableKubernetesMockClient(crud = true)
class ObservabilityResourcesTest {

  static final AppManifest APP = Manifests.smartBuilding();
  static final List<String> STATELESS = List.of("get", "filter-temperature", "map");

  KubernetesClient client;

  static ResourceSettings settings(int replicas, Autoscaling autoscaling, boolean monitor) {
    ResourceSettings s = KubernetesResourcesTest.settings(Map.of(), replicas);
    return s.toBuilder()
        .containerPort(9090)
        .autoscaling(autoscaling)
        .serviceMonitor(monitor)
        .build();
  }

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

  static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> kind) {
    return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  static HorizontalPodAutoscaler hpa(List<HasMetadata> objects, String name) {
    return all(objects, HorizontalPodAutoscaler.class).stream()
        .filter(h -> h.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no HorizontalPodAutoscaler " + name));
  }

  @Test
  @DisplayName(
      "annotates every pod template so that Prometheus scrapes /metrics on the container port")
  void scrapeAnnotations() {
    List<Deployment> deployments =
        all(parsedBack(settings(1, Autoscaling.DEFAULT, false)), Deployment.class);
    assertThat(deployments).hasSize(APP.services().size());
    for (Deployment d : deployments) {
      assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
          .as(d.getMetadata().getName())
          .containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", "9090")
          .containsEntry("prometheus.io/path", "/metrics");
    }
  }

  @Nested
  @DisplayName("autoscalers")
  class Autoscalers {

    @Test
    @DisplayName("by default, one per stateless service, on CPU, from dyninka.replicas to 5 pods")
    void defaults() {
      List<HasMetadata> objects = parsedBack(settings(2, Autoscaling.DEFAULT, false));
      assertThat(all(objects, HorizontalPodAutoscaler.class))
          .extracting(h -> h.getMetadata().getName())
          .containsExactlyElementsOf(STATELESS);
      HorizontalPodAutoscaler map = hpa(objects, "map");
      assertThat(map.getApiVersion()).isEqualTo("autoscaling/v2");
      assertThat(map.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
      assertThat(map.getSpec().getScaleTargetRef().getName()).isEqualTo("map");
      assertThat(map.getSpec().getMinReplicas()).isEqualTo(2);
      assertThat(map.getSpec().getMaxReplicas()).isEqualTo(5);
      MetricSpec metric = map.getSpec().getMetrics().get(0);
      assertThat(metric.getResource().getName()).isEqualTo("cpu");
      assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
      assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
      assertThat(map.getMetadata().getLabels()).containsAllEntriesOf(Labels.ofApp(APP));
    }

    @Test
    @DisplayName("leave the replicas of an autoscaled Deployment to it; the stateful one keeps 1")
    void replicas() {
      List<HasMetadata> objects = parsedBack(settings(2, Autoscaling.DEFAULT, false));
      for (Deployment d : all(objects, Deployment.class)) {
        if (d.getMetadata().getName().equals("moving-avg")) {
          assertThat(d.getSpec().getReplicas()).isEqualTo(1);
        } else {
          assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName()).isNull();
        }
      }
    }

    @Test
    @DisplayName("take min, max and the CPU target from the settings")
    void configured() {
      HorizontalPodAutoscaler get =
          hpa(parsedBack(settings(1, new Autoscaling(true, 3, 12, 55), false)), "get");
      assertThat(get.getSpec().getMinReplicas()).isEqualTo(3);
      assertThat(get.getSpec().getMaxReplicas()).isEqualTo(12);
      assertThat(
              get.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization())
          .isEqualTo(55);
    }

    @Test
    @DisplayName("are none when switched off, and the Deployments keep their replicas")
    void off() {
      List<HasMetadata> objects = parsedBack(settings(2, Autoscaling.OFF, false));
      assertThat(all(objects, HorizontalPodAutoscaler.class)).isEmpty();
      assertThat(all(objects, Deployment.class))
          .filteredOn(d -> d.getMetadata().getName().equals("map"))
          .singleElement()
          .satisfies(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
    }

    @Test
    @DisplayName("refuse settings that cannot scale, naming the property")
    void badSettings() {
      assertThatThrownBy(() -> new Autoscaling(true, 4, 2, 70))
          .hasMessageContaining("dyninka.hpa.max")
          .hasMessageContaining("4");
      assertThatThrownBy(() -> new Autoscaling(true, 1, 5, 0))
          .hasMessageContaining("dyninka.hpa.cpuPercent");
      assertThatThrownBy(() -> new Autoscaling(true, -1, 5, 70))
          .hasMessageContaining("dyninka.hpa.min");
    }
  }

  @Nested
  @DisplayName("the ServiceMonitor")
  class Monitor {

    @Test
    @DisplayName("is absent unless dyninka.serviceMonitor is set")
    void offByDefault() {
      assertThat(
              all(
                  parsedBack(settings(1, Autoscaling.DEFAULT, false)),
                  GenericKubernetesResource.class))
          .isEmpty();
    }

    @Test
    @DisplayName("selects every Service of the app and scrapes /metrics on its http port")
    void selectsTheServices() {
      List<HasMetadata> objects = parsedBack(settings(1, Autoscaling.DEFAULT, true));
      GenericKubernetesResource monitor =
          all(objects, GenericKubernetesResource.class).stream().findFirst().orElseThrow();
      assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
      assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
      assertThat(monitor.getMetadata().getName()).isEqualTo("smart-building");
      Map<String, String> matchLabels = monitor.get("spec", "selector", "matchLabels");
      List<Service> services = all(objects, Service.class);
      assertThat(services).hasSize(APP.services().size());
      for (Service s : services) {
        assertThat(s.getMetadata().getLabels()).containsAllEntriesOf(matchLabels);
        assertThat(s.getSpec().getPorts().get(0).getName()).isEqualTo("http");
      }
      List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
      assertThat(endpoints).containsExactly(Map.of("port", "http", "path", "/metrics"));
      assertThat(monitor.getMetadata().getLabels()).containsAllEntriesOf(Labels.ofApp(APP));
    }
  }

  @Test
  @DisplayName("undeploy finds the app's autoscalers and ServiceMonitor by its labels, not others'")
  void foundForUndeploy() {
    for (HasMetadata o : parsedBack(settings(1, Autoscaling.DEFAULT, true))) {
      if (o instanceof HorizontalPodAutoscaler) {
        client.resource(o).inNamespace("test").create();
      } else if (o instanceof GenericKubernetesResource monitor) {
        client
            .genericKubernetesResources(DeployedWatchers.SERVICE_MONITORS)
            .inNamespace("test")
            .resource(monitor)
            .create();
      }
    }
    HorizontalPodAutoscaler other = hpa(parsedBack(settings(1, Autoscaling.DEFAULT, false)), "get");
    other.getMetadata().setName("other-get");
    other.getMetadata().setLabels(Labels.ofApp("other"));
    client.resource(other).inNamespace("test").create();

    List<HasMetadata> found = DeployedWatchers.find(client, "test", Labels.ofApp(APP));

    assertThat(found)
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "HorizontalPodAutoscaler/get",
            "HorizontalPodAutoscaler/filter-temperature",
            "HorizontalPodAutoscaler/map",
            "ServiceMonitor/smart-building");
  }
}
