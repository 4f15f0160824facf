package io.dyninka.maven.resources;

import io.dyninka.manifest.ServiceManifest;
import io.dyninka.maven.image.ContainerUser;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * Runs every service as the image's numeric non-root user, without privileges or capabilities, on a
 * read-only root file system (the restricted Pod Security Standard). The JVM and Vert.x still need
 * a writable {@code /tmp}: it is an in-memory emptyDir. Services never call the Kubernetes API, so
 * they get no service account token.
 */
final class SecurityContextStep implements ResourceStep {

  @Override
  public String name() {
    return "security-context";
  }

  @Override
  public void apply(KubernetesModel model) {
    ContainerUser user = model.settings().user();
    for (ServiceManifest s : model.app().services()) {
      PodSpec pod = model.deployment(s).getSpec().getTemplate().getSpec();
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
      pod.getVolumes()
          .add(
              new VolumeBuilder()
                  .withName("tmp")
                  .withNewEmptyDir()
                  .withMedium("Memory")
                  .withSizeLimit(new io.fabric8.kubernetes.api.model.Quantity("64Mi"))
                  .endEmptyDir()
                  .build());
      c.getVolumeMounts()
          .add(new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build());
    }
  }
}
