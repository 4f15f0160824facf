package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.deploy.DeployException;
import io.dyninka.maven.deploy.Deployer;
import io.dyninka.maven.deploy.Deployers;
import io.dyninka.maven.deploy.TargetDetector;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code dyninka:undeploy}: removes everything {@code dyninka:deploy} made for the app on the
 * target, found by the labels {@code app.kubernetes.io/part-of=<app>} and {@code
 * app.kubernetes.io/managed-by=dyninka}. It takes only what finds the target, not what shapes the
 * resources.
 */
@Mojo(name = "undeploy", threadSafe = true)
public class UndeployMojo extends AbstractDyninkaMojo {

  /** The target: kubernetes, marathon, podman or local; detected when not set. */
  @Parameter(property = "dyninka.target")
  String target;

  /** The Kubernetes namespace; defaults to the kubeconfig context's. */
  @Parameter(property = "dyninka.namespace")
  String namespace;

  /** How long to wait, in seconds, for Marathon to remove the apps. */
  @Parameter(property = "dyninka.deploy.timeout", defaultValue = "300")
  int timeoutSeconds;

  /** Marathon's URL; defaults to the {@code MARATHON_URL} environment variable. */
  @Parameter(property = "dyninka.marathon.url")
  String marathonUrl;

  /** The podman executable. */
  @Parameter(property = "dyninka.podman", defaultValue = "podman")
  String podman;

  /** The OCI runtime podman should use (e.g. {@code runc}); podman's default when empty. */
  @Parameter(property = "dyninka.podman.runtime")
  String podmanRuntime;

  /** Where Dyninka keeps its files. */
  @Parameter(defaultValue = "${project.build.directory}/dyninka", readonly = true)
  File dyninkaDirectory;

  /** Skips dyninka:undeploy only. */
  @Parameter(property = "dyninka.undeploy.skip", defaultValue = "false")
  boolean skipUndeploy;

  @Override
  protected boolean shouldSkip() {
    return skipUndeploy;
  }

  @Override
  protected void executeInternal(AppManifest manifest) throws MojoExecutionException {
    TargetDetector detector = TargetDetector.forThisMachine();
    TargetDetector.Detection detection = DeployMojo.detect(detector, target);
    getLog()
        .info(
            "Undeploying "
                + manifest.app()
                + " from "
                + detection.target().id()
                + " ("
                + detection.reason()
                + ")");
    try (Deployer deployer =
        Deployers.open(
            detection.target(),
            detector,
            DeployMojo.targetSettings(
                namespace,
                timeoutSeconds,
                marathonUrl,
                podman,
                podmanRuntime,
                true,
                dyninkaDirectory),
            getLog()::info)) {
      List<String> removed = deployer.undeploy(manifest);
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
