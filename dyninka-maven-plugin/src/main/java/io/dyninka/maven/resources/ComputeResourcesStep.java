package io.dyninka.maven.resources;

import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU and memory requests and limits. The container JVM flags size the heap from the memory limit,
 * so a limit is what keeps a service's heap in proportion.
 */
final class ComputeResourcesStep implements ResourceStep {

  @Override
  public String name() {
    return "resources";
  }

  @Override
  public void apply(KubernetesModel model) {
    for (ServiceManifest s : model.app().services()) {
      Container c = model.deployment(s).getSpec().getTemplate().getSpec().getContainers().get(0);
      if (c.getResources() == null) {
        c.setResources(new ResourceRequirements());
      }
      c.getResources()
          .setRequests(merge(c.getResources().getRequests(), model.settings().requests()));
      c.getResources().setLimits(merge(c.getResources().getLimits(), model.settings().limits()));
    }
  }

  private static Map<String, Quantity> merge(
      Map<String, Quantity> existing, Map<String, String> wanted) {
    Map<String, Quantity> merged = new LinkedHashMap<>();
    wanted.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            merged.put(k, new Quantity(v));
          }
        });
    if (existing != null) {
      merged.putAll(existing);
    }
    return merged.isEmpty() ? null : merged;
  }
}
