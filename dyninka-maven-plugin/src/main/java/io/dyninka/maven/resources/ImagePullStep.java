package io.dyninka.maven.resources;

import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;

/** How the kubelet pulls each service's image: the pull policy and the pull Secrets. */
final class ImagePullStep implements ResourceStep {

  @Override
  public String name() {
    return "image-pull";
  }

  @Override
  public void apply(KubernetesModel model) {
    PodSettings pods = model.settings().pods();
    for (ServiceManifest s : model.app().services()) {
      PodSpec pod = model.deployment(s).getSpec().getTemplate().getSpec();
      pod.getContainers().get(0).setImagePullPolicy(pods.imagePullPolicy());
      if (!pods.imagePullSecrets().isEmpty()) {
        pod.setImagePullSecrets(
            pods.imagePullSecrets().stream().map(LocalObjectReference::new).toList());
      }
    }
  }
}
