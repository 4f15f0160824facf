package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.image.BuiltImage;
import io.dyninka.maven.image.ContainerUser;
import io.dyninka.maven.image.ImageSettings;
import io.dyninka.maven.image.ImagesFile;
import io.dyninka.maven.resources.Autoscaling;
import io.dyninka.maven.resources.ResourceSettings;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The settings {@code dyninka:resources} and {@code dyninka:deploy} share: what the resources look
 * like.
 */
abstract class AbstractAppResourcesMojo extends AbstractDyninkaMojo {

  /** The registry of the image names, used when no {@code dyninka:build} recorded the images. */
  @Parameter(property = "dyninka.image.registry", defaultValue = "")
  String registry;

  /** The image tag, used when no {@code dyninka:build} recorded the images. */
  @Parameter(property = "dyninka.image.tag", defaultValue = "${project.version}")
  String tag;

  /**
   * The numeric user (optionally {@code uid:gid}) the containers run as, when no {@code
   * dyninka:build} recorded the one its images were built with.
   */
  @Parameter(property = "dyninka.image.user", defaultValue = ImageSettings.DEFAULT_USER)
  String user;

  /**
   * The port services listen on in their container, when no {@code dyninka:build} recorded the one
   * its images were built with.
   */
  @Parameter(property = "dyninka.image.port", defaultValue = "8080")
  int port;

  /** Pods per stateless service; a service with placed state always runs one. */
  @Parameter(property = "dyninka.replicas", defaultValue = "1")
  int replicas;

  /** CPU request of each service container. */
  @Parameter(property = "dyninka.requests.cpu", defaultValue = "100m")
  String requestsCpu;

  /** Memory request of each service container. */
  @Parameter(property = "dyninka.requests.memory", defaultValue = "192Mi")
  String requestsMemory;

  /**
   * CPU limit of each service container; empty for none (throttling hurts latency more than it
   * saves).
   */
  @Parameter(property = "dyninka.limits.cpu", defaultValue = "")
  String limitsCpu;

  /** Memory limit of each service container; the JVM sizes its heap from it. */
  @Parameter(property = "dyninka.limits.memory", defaultValue = "256Mi")
  String limitsMemory;

  /** The loopback port of the first service in the podman variant; the others follow. */
  @Parameter(property = "dyninka.podman.basePort", defaultValue = "9001")
  int podmanBasePort;

  /** CPUs per Marathon app instance. */
  @Parameter(property = "dyninka.marathon.cpus", defaultValue = "0.25")
  double marathonCpus;

  /** Memory (MiB) per Marathon app instance. */
  @Parameter(property = "dyninka.marathon.mem", defaultValue = "256")
  int marathonMem;

  /** How Marathon apps reach each other: a URL template with {app} and {kubeName}. */
  @Parameter(
      property = "dyninka.marathon.peerUrl",
      defaultValue = ResourceSettings.DEFAULT_MARATHON_PEER_URL)
  String marathonPeerUrl;

  /**
   * Whether each service that may scale (the stateless ones) gets a HorizontalPodAutoscaler on CPU.
   */
  @Parameter(property = "dyninka.hpa", defaultValue = "true")
  boolean hpa;

  /** The fewest pods of an autoscaled service; {@code 0} for {@code dyninka.replicas}. */
  @Parameter(property = "dyninka.hpa.min", defaultValue = "0")
  int hpaMin;

  /** The most pods of an autoscaled service. */
  @Parameter(property = "dyninka.hpa.max", defaultValue = "5")
  int hpaMax;

  /** The average CPU use, in percent of the CPU request, the autoscalers aim for. */
  @Parameter(property = "dyninka.hpa.cpuPercent", defaultValue = "70")
  int hpaCpuPercent;

  /** Whether a Prometheus Operator ServiceMonitor scrapes the app's services. */
  @Parameter(property = "dyninka.serviceMonitor", defaultValue = "false")
  boolean serviceMonitor;

  /** Where Dyninka writes its files. */
  @Parameter(defaultValue = "${project.build.directory}/dyninka", readonly = true)
  File dyninkaDirectory;

  /** The autoscaling settings; switched off, their numbers do not matter. */
  private Autoscaling autoscaling() {
    return hpa ? new Autoscaling(true, hpaMin, hpaMax, hpaCpuPercent) : Autoscaling.OFF;
  }

  ResourceSettings resourceSettings(AppManifest manifest) throws MojoExecutionException {
    ImagesFile.Recorded recorded;
    try {
      recorded =
          ImagesFile.read(ImagesFile.in(dyninkaDirectory.toPath()), manifest.app())
              .orElse(new ImagesFile.Recorded(Map.of(), null, null));
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage() + ": run dyninka:build again", e);
    }
    Map<String, BuiltImage> images = recorded.images();
    if (images.isEmpty()) {
      getLog()
          .warn(
              "No images recorded by dyninka:build in "
                  + dyninkaDirectory
                  + ": using tagged names, which"
                  + " cannot tell which services changed. Run 'mvn package dyninka:build' first to pin images by digest.");
    }
    Map<String, String> requests = new LinkedHashMap<>();
    requests.put("cpu", requestsCpu);
    requests.put("memory", requestsMemory);
    Map<String, String> limits = new LinkedHashMap<>();
    limits.put("cpu", limitsCpu);
    limits.put("memory", limitsMemory);
    requests.values().removeIf(v -> v == null || v.isBlank());
    limits.values().removeIf(v -> v == null || v.isBlank());
    try {
      // The images run as they were built: what the build recorded wins over these parameters.
      ContainerUser containerUser =
          recorded.user() != null ? recorded.user() : ContainerUser.parse(user);
      int containerPort = recorded.port() != null ? recorded.port() : port;
      return new ResourceSettings(
          registry == null ? "" : registry,
          tag,
          images,
          project.getVersion(),
          replicas,
          requests,
          limits,
          containerUser,
          containerPort,
          podmanBasePort,
          marathonCpus,
          marathonMem,
          marathonPeerUrl,
          autoscaling(),
          serviceMonitor);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }
}
