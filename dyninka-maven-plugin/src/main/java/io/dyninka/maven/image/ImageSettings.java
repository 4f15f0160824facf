package io.dyninka.maven.image;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code dyninka:build} needs beyond the manifest.
 *
 * @param registry the registry (and namespace) the image names start with, e.g. {@code
 *     127.0.0.1:5000} or {@code ghcr.io/acme}; empty for plain local names
 * @param tag the tag of every service image
 * @param base the base image: a registry reference, {@code tar://path}, {@code docker://name} or
 *     {@code podman://name}
 * @param target where the images go
 * @param tarDirectory where {@link ImageTarget#TAR} writes {@code <app>-<kubeName>.tar}
 * @param allowInsecureRegistries whether plain HTTP and unverified TLS are allowed; loopback
 *     registries are always allowed
 * @param jvmFlags the JVM flags of the entrypoint
 * @param user the numeric user (and optionally {@code :group}) the service runs as
 * @param port the port the service listens on, as env {@code PORT} and exposed port
 * @param creationTime the image creation time: fixed, so that the same input gives the same digest
 * @param labels extra OCI labels (title, source, version, ...) added to every image
 * @param podman the podman executable, for {@link ImageTarget#PODMAN} and {@code podman://} bases
 * @param cacheDirectory where application layers are cached between builds
 */
public record ImageSettings(
    String registry,
    String tag,
    String base,
    ImageTarget target,
    Path tarDirectory,
    boolean allowInsecureRegistries,
    List<String> jvmFlags,
    String user,
    int port,
    Instant creationTime,
    Map<String, String> labels,
    Path podman,
    Path cacheDirectory) {

  public static final String DEFAULT_BASE = "eclipse-temurin:17-jre";
  public static final String DEFAULT_USER = "65532";
  public static final int DEFAULT_PORT = 8080;

  public ImageSettings {
    jvmFlags = List.copyOf(jvmFlags);
    labels = Map.copyOf(labels);
    ImageNames.checkTag(tag);
    ContainerUser.parse(user);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "dyninka.image.port must be a TCP port (1-65535), not " + port);
    }
  }

  public ContainerUser containerUser() {
    return ContainerUser.parse(user);
  }

  /** Whether pushing to and pulling from this registry may fall back to plain HTTP. */
  public boolean insecure() {
    return allowInsecureRegistries || ImageNames.isLoopbackRegistry(registry);
  }
}
