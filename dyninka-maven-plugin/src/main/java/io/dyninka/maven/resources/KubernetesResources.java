package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.YamlDumpSettingsBuilder;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Kubernetes resources of an app: Deployments, Services and NetworkPolicies, one of each per
 * service.
 */
public final class KubernetesResources {

  // Plain YAML, as people write it: quotes only where YAML needs them ("true", "8080" as strings).
  private static final KubernetesSerialization YAML =
      new KubernetesSerialization(
          io.fabric8.kubernetes.client.utils.Serialization.jsonMapper(),
          true,
          new YamlDumpSettingsBuilder().setMinimizeQuotes(true).build());

  private final List<ResourceStep> steps;

  public KubernetesResources(List<ResourceStep> steps) {
    this.steps = List.copyOf(steps);
  }

  /** The steps in their order: create the objects first, then tune one concern each. */
  public static KubernetesResources withDefaultSteps() {
    return new KubernetesResources(
        List.of(
            new ServiceObjectsStep(),
            new NetworkPolicyStep(),
            new LabelsStep(),
            new ImageDigestStep(),
            new ImagePullStep(),
            new EnvironmentStep(),
            new StateStoreStep(),
            new ProbesStep(),
            new GracefulShutdownStep(),
            new SecurityContextStep(),
            new ComputeResourcesStep(),
            new ScrapeAnnotationsStep(),
            new AutoscalerStep(),
            new ServiceMonitorStep(),
            new ColocationStep(),
            new TlsStep(),
            new CertificatesStep()));
  }

  public List<String> stepNames() {
    return steps.stream().map(ResourceStep::name).toList();
  }

  public List<HasMetadata> generate(AppManifest app, ResourceSettings settings) {
    return generate(app, settings, step -> {});
  }

  public List<HasMetadata> generate(
      AppManifest app, ResourceSettings settings, Consumer<String> onStep) {
    KubernetesModel model = new KubernetesModel(app, settings);
    for (ResourceStep step : steps) {
      onStep.accept(step.name());
      step.apply(model);
    }
    return model.objects();
  }

  /** The objects as one multi-document YAML, the way {@code kubectl apply -f} takes them. */
  public static String toYaml(List<? extends HasMetadata> objects) {
    StringBuilder yaml = new StringBuilder();
    for (HasMetadata object : objects) {
      String doc = YAML.asYaml(object);
      if (!doc.startsWith("---")) {
        yaml.append("---\n");
      }
      yaml.append(doc);
      if (!doc.endsWith("\n")) {
        yaml.append('\n');
      }
    }
    return yaml.toString();
  }
}
