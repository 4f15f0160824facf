package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Prometheus Operator ServiceMonitor (monitoring.coreos.com/v1) for the app, when asked for: it
 * selects the app's Services by their labels and scrapes {@code /metrics} on their {@code http}
 * port. Off unless asked, since a cluster without the operator has no such kind and refuses it.
 */
final class ServiceMonitorStep implements ResourceStep {

  static final String API_VERSION = "monitoring.coreos.com/v1";
  static final String KIND = "ServiceMonitor";

  @Override
  public String name() {
    return "service-monitor";
  }

  @Override
  public void apply(KubernetesModel model) {
    if (!model.settings().serviceMonitor()) {
      return;
    }
    AppManifest app = model.app();
    GenericKubernetesResource monitor =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(API_VERSION)
            .withKind(KIND)
            .withNewMetadata()
            .withName(objectName(app.app()))
            .withLabels(Labels.ofApp(app))
            .endMetadata()
            .addToAdditionalProperties("spec", spec(app))
            .build();
    model.watchers.add(monitor);
  }

  // Ordered maps: the YAML, and so the deployer's config hash, must not change from run to run.
  private static Map<String, Object> spec(AppManifest app) {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("port", ServiceObjectsStep.PORT_NAME);
    endpoint.put("path", ScrapeAnnotationsStep.METRICS_PATH);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("selector", Map.of("matchLabels", Labels.ofApp(app)));
    spec.put("endpoints", List.of(endpoint));
    return spec;
  }

  /** The app's name as a Kubernetes object name: lower case letters, digits and dashes. */
  static String objectName(String app) {
    String name =
        app.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9-]+", "-")
            .replaceAll("^-+|-+$", "");
    return name.isEmpty() ? "dyninka-app" : name;
  }
}
