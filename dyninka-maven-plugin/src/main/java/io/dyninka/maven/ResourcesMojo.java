package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.resources.KubernetesResources;
import io.dyninka.maven.resources.MarathonResources;
import io.dyninka.maven.resources.PodmanResources;
import io.dyninka.maven.resources.ResourceFiles;
import io.dyninka.maven.resources.ResourceSettings;
import io.dyninka.maven.resources.StateStoreSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code dyninka:resources}: writes the app's orchestrator resources under {@code target/dyninka/}:
 * {@code kubernetes/<app>.yaml} (Deployment, Service and NetworkPolicy per service), {@code
 * marathon/<app>.json} (an app group) and {@code podman/<app>.yaml} (pods for {@code podman kube
 * play}).
 */
@Mojo(name = "resources", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class ResourcesMojo extends AbstractAppResourcesMojo {

  /** Skips dyninka:resources only. */
  @Parameter(property = "dyninka.resources.skip", defaultValue = "false")
  boolean skipResources;

  @Override
  protected boolean shouldSkip() {
    return skipResources;
  }

  @Override
  protected void executeInternal(AppManifest manifest) throws MojoExecutionException {
    ResourceSettings settings = resourceSettings(manifest);
    KubernetesResources kubernetes = KubernetesResources.withDefaultSteps();
    Path dir = dyninkaDirectory.toPath();
    Map<Path, String> files = new LinkedHashMap<>();
    try {
      files.put(
          ResourceFiles.kubernetes(dir, manifest.app()),
          KubernetesResources.toYaml(
              kubernetes.generate(manifest, settings, step -> getLog().debug("step " + step))));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    try {
      files.put(
          ResourceFiles.marathon(dir, manifest.app()),
          MarathonResources.group(manifest, settings).encodePrettily() + "\n");
    } catch (IllegalArgumentException e) {
      // What Marathon cannot express must not cost the other targets their files; an older
      // file would no longer say what the pom says.
      Path marathon = ResourceFiles.marathon(dir, manifest.app());
      getLog().warn("No " + marathon + ": " + e.getMessage());
      try {
        Files.deleteIfExists(marathon);
      } catch (IOException gone) {
        throw new MojoExecutionException("Cannot remove the outdated " + marathon, gone);
      }
    }
    try {
      files.put(
          ResourceFiles.podman(dir, manifest.app()),
          KubernetesResources.toYaml(PodmanResources.generate(manifest, settings)));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    if (settings.stateStore() != null) {
      getLog()
          .info(
              StateStoreSecret.SECRET
                  + " scales the stateful services on Kubernetes only: the Marathon and podman"
                  + " files keep each in one instance.");
    }
    try {
      ResourceFiles.writeAll(files);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot write the resources to " + dir + ": " + e.getMessage(), e);
    }
    getLog()
        .info(
            "Resources of "
                + manifest.app()
                + " (steps "
                + String.join(", ", kubernetes.stepNames())
                + "):");
    files.keySet().forEach(f -> getLog().info("  " + f));
  }
}
