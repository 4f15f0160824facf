package io.dyninka.maven.resources;

import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;

/**
 * Probes on the service's health endpoints: readiness on {@code /health/ready} (up once the server
 * listens, down again as soon as shutdown begins, so a rolling update drains the pod), liveness on
 * {@code /health/live}, and a startup probe that gives a JVM on a fraction of a core a minute to
 * start before liveness counts.
 */
final class ProbesStep implements ResourceStep {

  @Override
  public String name() {
    return "probes";
  }

  @Override
  public void apply(KubernetesModel model) {
    for (ServiceManifest s : model.app().services()) {
      Container c = model.deployment(s).getSpec().getTemplate().getSpec().getContainers().get(0);
      if (c.getReadinessProbe() == null) {
        c.setReadinessProbe(http("/health/ready", 5, 3));
      }
      if (c.getLivenessProbe() == null) {
        c.setLivenessProbe(http("/health/live", 10, 3));
      }
      if (c.getStartupProbe() == null) {
        Probe startup = http("/health/live", 2, 30);
        c.setStartupProbe(startup);
      }
    }
  }

  private static Probe http(String path, int period, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(ServiceObjectsStep.PORT_NAME))
        .endHttpGet()
        .withPeriodSeconds(period)
        .withTimeoutSeconds(2)
        .withFailureThreshold(failureThreshold)
        .build();
  }
}
