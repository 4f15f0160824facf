package io.dyninka.maven.resources;

import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records the digest of each service's image on its Deployment. The image itself is pinned by
 * digest, so the pod template changes exactly when the image does, and a redeploy rolls only the
 * services whose image changed; the annotation says so to a reader of {@code kubectl describe}.
 */
final class ImageDigestStep implements ResourceStep {

  @Override
  public String name() {
    return "image-digest";
  }

  @Override
  public void apply(KubernetesModel model) {
    for (ServiceManifest s : model.app().services()) {
      model
          .settings()
          .image(s)
          .ifPresent(
              image -> {
                Deployment d = model.deployment(s);
                Map<String, String> annotations = new LinkedHashMap<>();
                if (d.getMetadata().getAnnotations() != null) {
                  annotations.putAll(d.getMetadata().getAnnotations());
                }
                annotations.put(Labels.IMAGE_DIGEST, image.digest());
                d.getMetadata().setAnnotations(annotations);
              });
    }
  }
}
