package io.dyninka.maven.resources;

import io.dyninka.maven.image.ContainerUser;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;

/**
 * The hardening every pod of an app gets, whichever target runs it (a Deployment's template on
 * Kubernetes, a pod for {@code podman kube play}): the image's numeric non-root user, the runtime's
 * default seccomp profile, no privileges or capabilities, a read-only root file system (the
 * restricted Pod Security Standard) and no service account token, since services never call the
 * Kubernetes API. The JVM and Vert.x still need a writable {@code /tmp}: an in-memory emptyDir.
 */
public final class PodHardening {

  private PodHardening() {}

  /** Hardens the pod and its first container; a security context already set is kept. */
  public static void harden(PodSpec pod, ContainerUser user) {
    if (pod.getSecurityContext() == null) {
      pod.setSecurityContext(
          new PodSecurityContextBuilder()
              .withRunAsNonRoot(true)
              .withRunAsUser(user.uid())
              .withRunAsGroup(user.gid())
              .withNewSeccompProfile()
              .withType("RuntimeDefault")
              .endSeccompProfile()
              .build());
    }
    pod.setAutomountServiceAccountToken(false);
    Container c = pod.getContainers().get(0);
    if (c.getSecurityContext() == null) {
      c.setSecurityContext(
          new SecurityContextBuilder()
              .withRunAsNonRoot(true)
              .withAllowPrivilegeEscalation(false)
              .withReadOnlyRootFilesystem(true)
              .withPrivileged(false)
              .withNewCapabilities()
              .addToDrop("ALL")
              .endCapabilities()
              .build());
    }
    if (pod.getVolumes() == null) {
      pod.setVolumes(new ArrayList<>());
    }
    pod.getVolumes()
        .add(
            new VolumeBuilder()
                .withName("tmp")
                .withNewEmptyDir()
                .withMedium("Memory")
                .withSizeLimit(new Quantity("64Mi"))
                .endEmptyDir()
                .build());
    if (c.getVolumeMounts() == null) {
      c.setVolumeMounts(new ArrayList<>());
    }
    c.getVolumeMounts().add(new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build());
  }
}
