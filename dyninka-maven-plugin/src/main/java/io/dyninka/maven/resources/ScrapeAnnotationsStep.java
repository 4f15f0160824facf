package io.dyninka.maven.resources;

import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the {@code prometheus.io/*} annotations on each pod template, the convention a Prometheus
 * with the usual {@code kubernetes-pods} scrape job follows to find every service's {@code
 * /metrics} without further configuration.
 */
final class ScrapeAnnotationsStep implements ResourceStep {

  static final String SCRAPE = "prometheus.io/scrape";
  static final String PORT = "prometheus.io/port";
  static final String PATH = "prometheus.io/path";
  static final String METRICS_PATH = "/metrics";

  @Override
  public String name() {
    return "scrape-annotations";
  }

  @Override
  public void apply(KubernetesModel model) {
    for (ServiceManifest s : model.app().services()) {
      ObjectMeta pod = model.deployment(s).getSpec().getTemplate().getMetadata();
      Map<String, String> annotations = new LinkedHashMap<>();
      annotations.put(SCRAPE, "true");
      annotations.put(PORT, Integer.toString(model.settings().containerPort()));
      annotations.put(PATH, METRICS_PATH);
      if (pod.getAnnotations() != null) {
        annotations.putAll(pod.getAnnotations());
      }
      pod.setAnnotations(annotations);
    }
  }
}
