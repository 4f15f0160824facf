package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.deploy.DeployException;
import io.dyninka.maven.deploy.KubernetesDeployer;
import io.dyninka.maven.deploy.MarathonDeployer;
import io.dyninka.maven.deploy.TargetDetector;
import io.dyninka.maven.resources.MarathonResources;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code dyninka:undeploy}: removes everything {@code dyninka:deploy} made for the app on the
 * target, found by the labels {@code app.kubernetes.io/part-of=<app>} and {@code
 * app.kubernetes.io/managed-by=dyninka}.
 */
@Mojo(name = "undeploy", threadSafe = true)
public class UndeployMojo extends DeployMojo {

  /** Skips dyninka:undeploy only. */
  @Parameter(property = "dyninka.undeploy.skip", defaultValue = "false")
  boolean skipUndeploy;

  @Override
  protected boolean shouldSkip() {
    return skipUndeploy;
  }

  @Override
  protected void executeInternal(AppManifest manifest) throws MojoExecutionException {
    TargetDetector.Detection detection;
    try {
      detection = TargetDetector.forThisMachine().detect(target);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    getLog()
        .info(
            "Undeploying "
                + manifest.app()
                + " from "
                + detection.target().id()
                + " ("
                + detection.reason()
                + ")");
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    try {
      List<String> removed =
          switch (detection.target()) {
            case KUBERNETES -> {
              try (KubernetesClient client = new KubernetesClientBuilder().build()) {
                yield new KubernetesDeployer(
                        client, namespace, timeout, Duration.ofSeconds(2), getLog()::info)
                    .undeploy(manifest.app());
              }
            }
            case MARATHON ->
                new MarathonDeployer(marathonUri(), timeout, Duration.ofSeconds(2), getLog()::info)
                    .undeploy(MarathonResources.groupId(manifest));
            case PODMAN -> podmanDeployer(timeout).undeploy(manifest.app());
            case LOCAL -> List.of();
          };
      getLog()
          .info(
              removed.isEmpty()
                  ? "Nothing of " + manifest.app() + " was deployed there."
                  : "Removed " + removed.size() + " objects of " + manifest.app());
    } catch (DeployException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }
}
