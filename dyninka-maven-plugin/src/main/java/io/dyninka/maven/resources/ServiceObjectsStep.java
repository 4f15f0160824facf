package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/**
 * Creates a Deployment and a Service per service, both named after its kube name: a peer without
 * {@code DYNINKA_PEERS} is {@code http://<kubeName>}, so the Service listens on port 80. A service
 * with placed state and no state store keeps one replica and is replaced, not rolled: two JVMs
 * would split its state. With a store ({@link StateStoreSecret}) it is deployed as a stateless one.
 */
final class ServiceObjectsStep implements ResourceStep {

  static final String PORT_NAME = "http";

  @Override
  public String name() {
    return "service-objects";
  }

  @Override
  public void apply(KubernetesModel model) {
    AppManifest app = model.app();
    ResourceSettings settings = model.settings();
    for (ServiceManifest s : app.services()) {
      Deployment deployment =
          new DeploymentBuilder()
              .withNewMetadata()
              .withName(s.kubeName())
              .endMetadata()
              .withNewSpec()
              .withReplicas(settings.kubernetesReplicasOf(s))
              .withRevisionHistoryLimit(3)
              .withNewSelector()
              .withMatchLabels(Labels.selector(app, s))
              .endSelector()
              .withNewStrategy()
              .withType(settings.scalesOnKubernetes(s) ? "RollingUpdate" : "Recreate")
              .endStrategy()
              .withNewTemplate()
              .withNewMetadata()
              .withLabels(Labels.selector(app, s))
              .endMetadata()
              .withNewSpec()
              .addNewContainer()
              .withName(s.kubeName())
              .withImage(settings.imageFor(app, s))
              .withImagePullPolicy("IfNotPresent")
              .addNewPort()
              .withName(PORT_NAME)
              .withContainerPort(settings.containerPort())
              .withProtocol("TCP")
              .endPort()
              .addNewEnv()
              .withName("PORT")
              .withValue(Integer.toString(settings.containerPort()))
              .endEnv()
              .endContainer()
              .endSpec()
              .endTemplate()
              .endSpec()
              .build();
      model.deployments.put(s.name(), deployment);

      Service service =
          new ServiceBuilder()
              .withNewMetadata()
              .withName(s.kubeName())
              .endMetadata()
              .withNewSpec()
              .withType("ClusterIP")
              .withSelector(Labels.selector(app, s))
              .addNewPort()
              .withName(PORT_NAME)
              .withPort(80)
              .withTargetPort(new IntOrString(PORT_NAME))
              .withProtocol("TCP")
              .endPort()
              .endSpec()
              .build();
      model.services.put(s.name(), service);
    }
  }
}
