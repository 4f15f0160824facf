package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.image.AppLayout;
import io.dyninka.maven.image.BuiltImage;
import io.dyninka.maven.image.ContainerJvmFlags;
import io.dyninka.maven.image.ImageBuildException;
import io.dyninka.maven.image.ImageSettings;
import io.dyninka.maven.image.ImageTarget;
import io.dyninka.maven.image.ImagesFile;
import io.dyninka.maven.image.ServiceImageBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code dyninka:build}: one container image per service with jib-core, no Docker daemon needed.
 * Images are named {@code <registry>/<app>-<kubeName>:<tag>} and recorded, with their digests, in
 * {@code target/dyninka/images.json} for {@code dyninka:resources} and {@code dyninka:deploy}.
 */
@Mojo(
    name = "build",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class BuildMojo extends AbstractDyninkaMojo {

  /**
   * The registry and namespace image names start with, e.g. {@code 127.0.0.1:5000} or {@code
   * ghcr.io/acme}.
   */
  @Parameter(property = "dyninka.image.registry", defaultValue = "")
  String registry;

  /** The tag of every service image. */
  @Parameter(property = "dyninka.image.tag", defaultValue = "${project.version}")
  String tag;

  /**
   * The base image: a registry reference, {@code tar://file}, {@code docker://name} or {@code
   * podman://name}.
   */
  @Parameter(property = "dyninka.image.base", defaultValue = ImageSettings.DEFAULT_BASE)
  String base;

  /** Where the images go: {@code registry}, {@code tar} or {@code podman}. */
  @Parameter(property = "dyninka.image.target", defaultValue = "registry")
  String target;

  /** Where the {@code tar} target writes {@code <app>-<kubeName>.tar}. */
  @Parameter(
      property = "dyninka.image.tarDirectory",
      defaultValue = "${project.build.directory}/dyninka/images")
  File tarDirectory;

  /** Allows registries without verified HTTPS; registries on loopback are always allowed. */
  @Parameter(property = "dyninka.image.insecure", defaultValue = "false")
  boolean insecure;

  /** JVM flags of the service entrypoint, comma separated; empty keeps the container defaults. */
  @Parameter(property = "dyninka.image.jvmFlags")
  String jvmFlags;

  /** The numeric user (optionally {@code user:group}) services run as; never root. */
  @Parameter(property = "dyninka.image.user", defaultValue = ImageSettings.DEFAULT_USER)
  String user;

  /** The port services listen on in the container (env {@code PORT}). */
  @Parameter(property = "dyninka.image.port", defaultValue = "8080")
  int port;

  /**
   * The image creation time (ISO-8601, or {@code EPOCH}); defaults to {@code
   * project.build.outputTimestamp}.
   */
  @Parameter(
      property = "dyninka.image.creationTime",
      defaultValue = "${project.build.outputTimestamp}")
  String creationTime;

  /** The podman executable, for the {@code podman} target and {@code podman://} base images. */
  @Parameter(property = "dyninka.image.podman", defaultValue = "podman")
  String podman;

  /** The {@code org.opencontainers.image.source} label; defaults to the project's SCM URL. */
  @Parameter(property = "dyninka.image.source", defaultValue = "${project.scm.url}")
  String source;

  /** Where the images of this build are recorded. */
  @Parameter(defaultValue = "${project.build.directory}/dyninka", readonly = true)
  File dyninkaDirectory;

  /** Skips dyninka:build only. */
  @Parameter(property = "dyninka.build.skip", defaultValue = "false")
  boolean skipBuild;

  @Override
  protected boolean shouldSkip() {
    return skipBuild;
  }

  @Override
  protected void executeInternal(AppManifest manifest) throws MojoExecutionException {
    ImageSettings settings = settings();
    getLog()
        .info(
            "Building "
                + manifest.services().size()
                + " images of "
                + manifest.app()
                + " on "
                + base);
    List<BuiltImage> images;
    try {
      images = new ServiceImageBuilder(settings, getLog()::info).buildAll(manifest, layout());
      ImagesFile.write(
          ImagesFile.in(dyninkaDirectory.toPath()),
          manifest.app(),
          images,
          settings.containerUser(),
          settings.port());
    } catch (ImageBuildException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot record the images in " + dyninkaDirectory + ": " + e.getMessage(), e);
    }
    images.forEach(i -> getLog().info(String.format("  %-24s %s", i.service(), i.reference())));
  }

  ImageSettings settings() throws MojoExecutionException {
    try {
      List<String> flags =
          jvmFlags == null || jvmFlags.isBlank()
              ? ContainerJvmFlags.defaults()
              : Arrays.stream(jvmFlags.split(","))
                  .map(String::strip)
                  .filter(s -> !s.isEmpty())
                  .toList();
      Map<String, String> labels = new LinkedHashMap<>();
      if (source != null && !source.isBlank()) {
        labels.put("org.opencontainers.image.source", source);
      }
      labels.put("org.opencontainers.image.version", project.getVersion());
      return new ImageSettings(
          registry == null ? "" : registry,
          tag,
          base,
          ImageTarget.parse(target),
          tarDirectory.toPath(),
          insecure,
          flags,
          user,
          port,
          creationTime(),
          labels,
          Path.of(podmanExecutable(podman)),
          Path.of(project.getBuild().getDirectory(), "dyninka", "jib-cache"));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  private Instant creationTime() throws MojoExecutionException {
    if (creationTime == null || creationTime.isBlank() || creationTime.equalsIgnoreCase("EPOCH")) {
      return Instant.EPOCH;
    }
    try {
      return creationTime.matches("\\d+")
          ? Instant.ofEpochSecond(Long.parseLong(creationTime))
          : Instant.parse(creationTime);
    } catch (DateTimeParseException e) {
      throw new MojoExecutionException(
          "dyninka.image.creationTime '"
              + creationTime
              + "' is neither ISO-8601 (2026-01-01T00:00:00Z),"
              + " seconds since the epoch, nor EPOCH",
          e);
    }
  }

  private AppLayout layout() {
    List<Path> releases = new ArrayList<>();
    List<Path> snapshots = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getFile() == null || !artifact.getArtifactHandler().isAddedToClasspath()) {
        continue;
      }
      String scope = artifact.getScope();
      if (Artifact.SCOPE_TEST.equals(scope)
          || Artifact.SCOPE_PROVIDED.equals(scope)
          || Artifact.SCOPE_SYSTEM.equals(scope)) {
        continue;
      }
      (artifact.isSnapshot() ? snapshots : releases).add(artifact.getFile().toPath());
    }
    return new AppLayout(classesDirectory.toPath(), releases, snapshots);
  }

  /** Resolves a bare executable name on the PATH; Jib runs the path it is given. */
  static String podmanExecutable(String name) {
    if (name.contains("/")) {
      return name;
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        File candidate = new File(dir, name);
        if (candidate.canExecute()) {
          return candidate.getPath();
        }
      }
    }
    return name;
  }
}
