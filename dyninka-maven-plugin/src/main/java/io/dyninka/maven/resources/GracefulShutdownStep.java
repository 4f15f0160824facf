package io.dyninka.maven.resources;

import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;

/**
 * A rolling update that loses nothing: a preStop pause lets the endpoints controller take the pod
 * out of its Service before SIGTERM arrives; the service then finishes the requests in flight
 * within its grace period ({@code DYNINKA_SHUTDOWN_GRACE_MS}, 10 s), and the pod's own grace period
 * covers both with room to spare. The pause is Kubernetes' own sleep action (Kubernetes 1.30 or
 * later), because the image has no shell to run {@code sleep} with; on older clusters ({@code
 * dyninka.preStop=none}) the service makes the pause itself: it stays up, not ready, for {@code
 * DYNINKA_DRAIN_DELAY_MS} before it stops accepting.
 */
final class GracefulShutdownStep implements ResourceStep {

  static final long PRE_STOP_SECONDS = 5;
  static final String DRAIN_DELAY = "DYNINKA_DRAIN_DELAY_MS";
  static final long SERVICE_GRACE_SECONDS = 10;
  static final long POD_GRACE_SECONDS = PRE_STOP_SECONDS + SERVICE_GRACE_SECONDS + 5;

  @Override
  public String name() {
    return "graceful-shutdown";
  }

  @Override
  public void apply(KubernetesModel model) {
    for (ServiceManifest s : model.app().services()) {
      PodSpec pod = model.deployment(s).getSpec().getTemplate().getSpec();
      if (pod.getTerminationGracePeriodSeconds() == null) {
        pod.setTerminationGracePeriodSeconds(POD_GRACE_SECONDS);
      }
      Container c = pod.getContainers().get(0);
      if (model.settings().pods().preStop() == PodSettings.PreStop.NONE) {
        // An operator's own DYNINKA_DRAIN_DELAY_MS (<env>) is kept.
        if (c.getEnv().stream().noneMatch(e -> e.getName().equals(DRAIN_DELAY))) {
          c.getEnv()
              .add(
                  new EnvVarBuilder()
                      .withName(DRAIN_DELAY)
                      .withValue(Long.toString(PRE_STOP_SECONDS * 1000))
                      .build());
        }
      } else if (c.getLifecycle() == null) {
        c.setLifecycle(
            new LifecycleBuilder()
                .withNewPreStop()
                .withNewSleep(PRE_STOP_SECONDS)
                .endPreStop()
                .build());
      }
    }
  }
}
