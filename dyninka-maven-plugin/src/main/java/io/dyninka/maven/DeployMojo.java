package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.deploy.DeployException;
import io.dyninka.maven.deploy.DeployResult;
import io.dyninka.maven.deploy.Deployer;
import io.dyninka.maven.deploy.Deployers;
import io.dyninka.maven.deploy.Target;
import io.dyninka.maven.deploy.TargetDetector;
import io.dyninka.maven.deploy.TargetSettings;
import io.dyninka.maven.image.ImageNames;
import io.dyninka.maven.resources.ResourceSettings;
import io.dyninka.maven.resources.StateStoreSecret;
import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code dyninka:deploy}: detects the target (Kubernetes, Marathon, podman, local; {@code
 * -Ddyninka.target} overrides), applies the app's resources, waits until every service is ready,
 * and rolls only the services whose image changed. A failed deploy leaves nothing half-deployed.
 */
@Mojo(name = "deploy", threadSafe = true)
public class DeployMojo extends AbstractAppResourcesMojo {

  /** The target: kubernetes, marathon, podman or local; detected when not set. */
  @Parameter(property = "dyninka.target")
  String target;

  /** The Kubernetes namespace; defaults to the kubeconfig context's. */
  @Parameter(property = "dyninka.namespace")
  String namespace;

  /** How long to wait, in seconds, for every service to be ready. */
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

  /** Pull images without verified HTTPS in the podman variant; on for loopback registries. */
  @Parameter(property = "dyninka.image.insecure", defaultValue = "false")
  boolean insecure;

  /** Skips dyninka:deploy only. */
  @Parameter(property = "dyninka.deploy.skip", defaultValue = "false")
  boolean skipDeploy;

  @Override
  protected boolean shouldSkip() {
    return skipDeploy;
  }

  @Override
  protected void executeInternal(AppManifest manifest) throws MojoExecutionException {
    TargetDetector detector = TargetDetector.forThisMachine();
    TargetDetector.Detection detection = detect(detector, target);
    getLog()
        .info(
            "Deploying "
                + manifest.app()
                + " to "
                + detection.target().id()
                + " ("
                + detection.reason()
                + ")");
    ResourceSettings settings = resourceSettings(manifest);
    if (detection.target() != Target.KUBERNETES && settings.stateStore() != null) {
      throw new MojoExecutionException(
          "-D"
              + StateStoreSecret.SECRET
              + " names a Kubernetes Secret; "
              + detection.target().id()
              + " keeps each stateful service in one instance: deploy without it, or to"
              + " Kubernetes");
    }
    boolean tlsVerify = !(insecure || ImageNames.isLoopbackRegistry(registry));
    TargetSettings targetSettings =
        targetSettings(
            namespace,
            timeoutSeconds,
            marathonUrl,
            podman,
            podmanRuntime,
            tlsVerify,
            dyninkaDirectory);
    try (Deployer deployer =
        Deployers.open(detection.target(), detector, targetSettings, getLog()::info)) {
      DeployResult result = deployer.deploy(manifest, settings);
      getLog()
          .info(
              "Deployed "
                  + manifest.app()
                  + ": "
                  + result.changed().size()
                  + " changed, "
                  + result.unchanged().size()
                  + " unchanged"
                  + (result.entry() == null ? "" : "; clients call the sink at " + result.entry()));
    } catch (DeployException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  static TargetDetector.Detection detect(TargetDetector detector, String target)
      throws MojoExecutionException {
    try {
      return detector.detect(target);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** What deploy and undeploy need to reach the target, from their shared parameters. */
  static TargetSettings targetSettings(
      String namespace,
      int timeoutSeconds,
      String marathonUrl,
      String podman,
      String podmanRuntime,
      boolean tlsVerify,
      File dyninkaDirectory) {
    String marathon =
        marathonUrl != null && !marathonUrl.isBlank() ? marathonUrl : System.getenv("MARATHON_URL");
    List<String> command =
        new ArrayList<>(List.of(BuildMojo.podmanExecutable(podman == null ? "podman" : podman)));
    if (podmanRuntime != null && !podmanRuntime.isBlank()) {
      command.addAll(List.of("--runtime", podmanRuntime));
    }
    return new TargetSettings(
        namespace,
        Duration.ofSeconds(timeoutSeconds),
        marathon == null || marathon.isBlank() ? null : URI.create(marathon),
        command,
        tlsVerify,
        dyninkaDirectory.toPath().resolve("podman").resolve("play"));
  }
}
