package io.dyninka.maven.resources;

import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LifecycleBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;

/**
 * A rolling update that loses nothing: a preStop pause lets the endpoints controller take the pod
 * out of its Service before SIGTERM arrives; the service then finishes the requests in flight
 * within its grace period ({@code DYNINKA_SHUTDOWN_GRACE_MS}, 10 s), and the pod's own grace period
 * covers both with room to spare. The pause is Kubernetes' own sleep action, because the image has
 * no shell to run {@code sleep} with.
 */
final class GracefulShutdownStep implements ResourceStep {

  static final long PRE_STOP_SECONDS = 5;
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
      if (c.getLifecycle() == null) {
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
