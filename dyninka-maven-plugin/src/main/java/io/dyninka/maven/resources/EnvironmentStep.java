package io.dyninka.maven.resources;

import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.Map;

/**
 * The operator's environment of each service: variables of the app and of the service ({@code
 * <env>}, {@code <serviceEnv>}), and Secrets and ConfigMaps whose keys become variables ({@code
 * dyninka.envFrom}, {@code <serviceEnvFrom>}). The variables Dyninka sets itself ({@code PORT})
 * cannot be set here ({@link PodSettings} refuses them): they come from the settings that own them.
 */
final class EnvironmentStep implements ResourceStep {

  @Override
  public String name() {
    return "environment";
  }

  @Override
  public void apply(KubernetesModel model) {
    PodSettings pods = model.settings().pods();
    for (ServiceManifest s : model.app().services()) {
      Container c = model.deployment(s).getSpec().getTemplate().getSpec().getContainers().get(0);
      if (c.getEnv() == null) {
        c.setEnv(new ArrayList<>());
      }
      for (Map.Entry<String, String> variable : pods.envOf(s.name()).entrySet()) {
        EnvVar env =
            new EnvVarBuilder().withName(variable.getKey()).withValue(variable.getValue()).build();
        c.getEnv().add(env);
      }
      for (PodSettings.EnvSource source : pods.envFromOf(s.name())) {
        EnvFromSourceBuilder from = new EnvFromSourceBuilder();
        EnvFromSource envFrom =
            source.kind() == PodSettings.EnvSource.Kind.SECRET
                ? from.withNewSecretRef().withName(source.name()).endSecretRef().build()
                : from.withNewConfigMapRef().withName(source.name()).endConfigMapRef().build();
        if (c.getEnvFrom() == null) {
          c.setEnvFrom(new ArrayList<>());
        }
        c.getEnvFrom().add(envFrom);
      }
    }
  }
}
