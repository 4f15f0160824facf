package io.dyninka.maven.resources;

import io.dyninka.manifest.ServiceManifest;

/** Hardens every service's pod template the way every target's pods are: {@link PodHardening}. */
final class SecurityContextStep implements ResourceStep {

  @Override
  public String name() {
    return "security-context";
  }

  @Override
  public void apply(KubernetesModel model) {
    for (ServiceManifest s : model.app().services()) {
      PodHardening.harden(
          model.deployment(s).getSpec().getTemplate().getSpec(), model.settings().user());
    }
  }
}
