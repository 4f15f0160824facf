package io.dyninka.maven.deploy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.resources.ResourceSettings;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Chooses the {@link Deployer} of a target, once, for deploy and undeploy alike. */
public final class Deployers {

  private Deployers() {}

  public static Deployer open(
      Target target, TargetDetector detector, TargetSettings settings, Consumer<String> log)
      throws DeployException {
    return switch (target) {
      case KUBERNETES -> {
        if (detector.kubernetesSource().isEmpty()) {
          throw new DeployException(
              "No Kubernetes cluster configured: KUBERNETES_SERVICE_HOST is not set and no"
                  + " kubeconfig of "
                  + detector.kubeconfigs()
                  + " has a context. Point KUBECONFIG at your cluster's kubeconfig, or choose"
                  + " another target with -Ddyninka.target=podman|marathon|local.");
        }
        yield KubernetesDeployer.connect(settings, log);
      }
      case MARATHON -> {
        if (settings.marathon() == null) {
          throw new DeployException("No Marathon URL: set MARATHON_URL or -Ddyninka.marathon.url");
        }
        yield new MarathonDeployer(
            settings.marathon(), settings.timeout(), Duration.ofSeconds(2), log);
      }
      case PODMAN ->
          new PodmanDeployer(
              CommandRunner.processes(),
              settings.podmanCommand(),
              settings.podmanTlsVerify(),
              settings.podmanPlayDirectory(),
              settings.timeout(),
              Duration.ofMillis(500),
              log);
      case LOCAL -> new Local();
    };
  }

  /** Local processes are {@code dyninka:run}'s: nothing stays deployed. */
  private static final class Local implements Deployer {
    @Override
    public DeployResult deploy(AppManifest app, ResourceSettings settings) throws DeployException {
      throw new DeployException(
          "Target local has nothing to deploy to: run the services with 'mvn dyninka:run', or"
              + " choose a target with -Ddyninka.target=kubernetes|marathon|podman.");
    }

    @Override
    public List<String> undeploy(AppManifest app) {
      return List.of();
    }
  }
}
