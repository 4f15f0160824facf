package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A HorizontalPodAutoscaler (autoscaling/v2, on CPU) for each service that may scale: the stateless
 * ones, and the stateful ones whose state is in the store ({@link StateStoreSecret}). A stateful
 * service without a store keeps its state in its one JVM, so it never gets one. The Deployment of
 * an autoscaled service leaves its replicas to the autoscaler: a redeploy that set them would undo
 * its scaling.
 */
final class AutoscalerStep implements ResourceStep {

  @Override
  public String name() {
    return "autoscaler";
  }

  @Override
  public void apply(KubernetesModel model) {
    Autoscaling scaling = model.settings().autoscaling();
    if (!scaling.enabled()) {
      return;
    }
    AppManifest app = model.app();
    for (ServiceManifest s : app.services()) {
      if (!model.settings().scalesOnKubernetes(s)) {
        continue;
      }
      Deployment deployment = model.deployment(s);
      int min = scaling.minFor(model.settings().kubernetesReplicasOf(s));
      deployment.getSpec().setReplicas(null);
      Map<String, String> labels = new LinkedHashMap<>(Labels.selector(app, s));
      labels.putAll(Labels.ofApp(app));
      HorizontalPodAutoscaler hpa =
          new HorizontalPodAutoscalerBuilder()
              .withNewMetadata()
              .withName(s.kubeName())
              .withLabels(labels)
              .withAnnotations(Map.of(Labels.SERVICE, s.name()))
              .endMetadata()
              .withNewSpec()
              .withNewScaleTargetRef()
              .withApiVersion("apps/v1")
              .withKind("Deployment")
              .withName(deployment.getMetadata().getName())
              .endScaleTargetRef()
              .withMinReplicas(min)
              .withMaxReplicas(Math.max(min, scaling.max()))
              .addNewMetric()
              .withType("Resource")
              .withNewResource()
              .withName("cpu")
              .withNewTarget()
              .withType("Utilization")
              .withAverageUtilization(scaling.cpuPercent())
              .endTarget()
              .endResource()
              .endMetric()
              .endSpec()
              .build();
      model.watchers.add(hpa);
    }
  }
}
