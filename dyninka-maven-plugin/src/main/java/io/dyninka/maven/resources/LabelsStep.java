package io.dyninka.maven.resources;

import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the recommended labels on every object and pod: {@code part-of} and {@code managed-by} are
 * how {@code dyninka:undeploy} finds exactly what {@code dyninka:deploy} made.
 */
final class LabelsStep implements ResourceStep {

  @Override
  public String name() {
    return "labels";
  }

  @Override
  public void apply(KubernetesModel model) {
    for (ServiceManifest s : model.app().services()) {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put(Labels.NAME, s.kubeName());
      labels.putAll(Labels.ofApp(model.app()));
      labels.put(Labels.COMPONENT, s.name().equals(model.app().sink()) ? "sink" : "service");
      if (model.settings().version() != null && !model.settings().version().isBlank()) {
        labels.put(Labels.VERSION, model.settings().version().replaceAll("[^A-Za-z0-9_.-]", "_"));
      }
      Map<String, String> annotations = Map.of(Labels.SERVICE, s.name());
      for (HasMetadata object :
          new HasMetadata[] {
            model.deployment(s), model.service(s), model.networkPolicies.get(s.name())
          }) {
        if (object != null) {
          add(object.getMetadata(), labels, annotations);
        }
      }
      // Not the version on the pod template: a new app version whose image of this service is
      // unchanged must not roll it.
      Map<String, String> podLabels = new LinkedHashMap<>(labels);
      podLabels.remove(Labels.VERSION);
      ObjectMeta pod = model.deployment(s).getSpec().getTemplate().getMetadata();
      add(pod, podLabels, annotations);
    }
  }

  private static void add(
      ObjectMeta meta, Map<String, String> labels, Map<String, String> annotations) {
    Map<String, String> l = new LinkedHashMap<>(labels);
    if (meta.getLabels() != null) {
      l.putAll(meta.getLabels());
    }
    meta.setLabels(l);
    Map<String, String> a = new LinkedHashMap<>(annotations);
    if (meta.getAnnotations() != null) {
      a.putAll(meta.getAnnotations());
    }
    meta.setAnnotations(a);
  }
}
