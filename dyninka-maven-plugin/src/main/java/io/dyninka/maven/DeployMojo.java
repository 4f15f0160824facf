package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.deploy.CommandRunner;
import io.dyninka.maven.deploy.DeployException;
import io.dyninka.maven.deploy.DeployResult;
import io.dyninka.maven.deploy.KubernetesDeployer;
import io.dyninka.maven.deploy.MarathonDeployer;
import io.dyninka.maven.deploy.PodmanDeployer;
import io.dyninka.maven.deploy.TargetDetector;
import io.dyninka.maven.image.ImageNames;
import io.dyninka.maven.resources.KubernetesResources;
import io.dyninka.maven.resources.MarathonResources;
import io.dyninka.maven.resources.PodmanResources;
import io.dyninka.maven.resources.ResourceSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
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
    TargetDetector.Detection detection;
    try {
      detection = TargetDetector.forThisMachine().detect(target);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
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
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    try {
      DeployResult result =
          switch (detection.target()) {
            case KUBERNETES -> {
              try (KubernetesClient client = new KubernetesClientBuilder().build()) {
                KubernetesDeployer deployer =
                    new KubernetesDeployer(
                        client, namespace, timeout, Duration.ofSeconds(2), getLog()::info);
                DeployResult r =
                    deployer.deploy(
                        manifest.app(),
                        KubernetesResources.withDefaultSteps().generate(manifest, settings));
                getLog()
                    .info(
                        "Clients call the sink at http://"
                            + manifest.sinkService().kubeName()
                            + "."
                            + deployer.namespace()
                            + ".svc/");
                yield r;
              }
            }
            case MARATHON ->
                new MarathonDeployer(marathonUri(), timeout, Duration.ofSeconds(2), getLog()::info)
                    .deploy(MarathonResources.group(manifest, settings));
            case PODMAN ->
                podmanDeployer(timeout)
                    .deploy(manifest.app(), PodmanResources.generate(manifest, settings));
            case LOCAL ->
                throw new MojoExecutionException(
                    "Target local has nothing to deploy to: run the services with 'mvn dyninka:run', or choose a target"
                        + " with -Ddyninka.target=kubernetes|marathon|podman.");
          };
      getLog()
          .info(
              "Deployed "
                  + manifest.app()
                  + ": "
                  + result.changed().size()
                  + " changed, "
                  + result.unchanged().size()
                  + " unchanged"
                  + (result.entry() == null ? "" : "; entry " + result.entry()));
    } catch (DeployException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  URI marathonUri() throws MojoExecutionException {
    String url =
        marathonUrl != null && !marathonUrl.isBlank() ? marathonUrl : System.getenv("MARATHON_URL");
    if (url == null || url.isBlank()) {
      throw new MojoExecutionException(
          "No Marathon URL: set MARATHON_URL or -Ddyninka.marathon.url");
    }
    return URI.create(url);
  }

  PodmanDeployer podmanDeployer(Duration timeout) {
    List<String> command = new ArrayList<>(List.of(BuildMojo.podmanExecutable(podman)));
    if (podmanRuntime != null && !podmanRuntime.isBlank()) {
      command.addAll(List.of("--runtime", podmanRuntime));
    }
    boolean tlsVerify = !(insecure || ImageNames.isLoopbackRegistry(registry));
    return new PodmanDeployer(
        CommandRunner.processes(),
        command,
        tlsVerify,
        dyninkaDirectory.toPath().resolve("podman").resolve("play"),
        timeout,
        Duration.ofMillis(500),
        getLog()::info);
  }
}
