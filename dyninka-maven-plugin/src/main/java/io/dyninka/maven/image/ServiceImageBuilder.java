package io.dyninka.maven.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JavaContainerBuilder;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Builds one image per service of an app with jib-core, without a Docker daemon.
 *
 * <p>Every service image has the same layers: the base image, then the release dependencies, the
 * snapshot dependencies, the resources and the classes, each built reproducibly (fixed file times
 * and creation time). Only the image configuration differs: the entrypoint starts that service's
 * main class, and the labels name it. So a registry stores each layer once for all N services, and
 * a rebuild of unchanged input gives the same digests.
 */
public final class ServiceImageBuilder {

  /** Where the app lives in the image: Jib's usual layout. */
  public static final String APP_ROOT = "/app";

  private final ImageSettings settings;
  private final Consumer<String> log;

  public ServiceImageBuilder(ImageSettings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
  }

  /** Builds every service's image, in manifest order. */
  public List<BuiltImage> buildAll(AppManifest app, AppLayout layout) throws ImageBuildException {
    List<BuiltImage> built = new ArrayList<>();
    for (ServiceManifest service : app.services()) {
      built.add(build(app, service, layout));
    }
    return built;
  }

  /** Builds the image of one service. */
  public BuiltImage build(AppManifest app, ServiceManifest service, AppLayout layout)
      throws ImageBuildException {
    String repository = ImageNames.repository(settings.registry(), app, service);
    String reference = ImageNames.reference(settings.registry(), settings.tag(), app, service);
    try {
      JibContainerBuilder container = containerFor(app, service, layout);
      JibContainer result = container.containerize(containerizer(reference));
      BuiltImage image =
          new BuiltImage(
              service.name(),
              reference,
              repository,
              result.getDigest().toString(),
              result.getImageId().toString(),
              settings.target());
      log.accept(service.name() + " -> " + describe(image));
      return image;
    } catch (InsecureRegistryException e) {
      throw new ImageBuildException(
          "The registry of "
              + reference
              + " does not offer verified HTTPS. If you trust it, set"
              + " -Ddyninka.image.insecure=true.",
          e);
    } catch (RegistryUnauthorizedException e) {
      throw new ImageBuildException(
          "Not authorized for "
              + e.getImageReference()
              + " ("
              + e.getMessage()
              + "): log in with"
              + " 'podman login' or 'docker login' for that registry, or check dyninka.image.registry"
              + " and dyninka.image.base.",
          e);
    } catch (RegistryException e) {
      throw new ImageBuildException(
          "The registry refused "
              + reference
              + " or the base image "
              + settings.base()
              + ": "
              + e.getMessage()
              + ". Check dyninka.image.registry and dyninka.image.base.",
          e);
    } catch (InvalidImageReferenceException e) {
      throw new ImageBuildException(
          "Invalid image reference "
              + e.getMessage()
              + ": check dyninka.image.registry, dyninka.image.tag"
              + " and dyninka.image.base.",
          e);
    } catch (CacheDirectoryCreationException e) {
      throw new ImageBuildException("Cannot create Jib's cache directory: " + e.getMessage(), e);
    } catch (ExecutionException e) {
      throw explain(reference, e.getCause() == null ? e : e.getCause());
    } catch (NoSuchFileException e) {
      throw new ImageBuildException(
          "Missing "
              + e.getFile()
              + ": run 'mvn package' before dyninka:build, and check"
              + " dyninka.image.base when it is a tar://",
          e);
    } catch (IOException e) {
      throw explain(reference, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageBuildException("Interrupted while building " + reference, e);
    }
  }

  /** The container of one service, before it is containerized: what tests inspect. */
  JibContainerBuilder containerFor(AppManifest app, ServiceManifest service, AppLayout layout)
      throws IOException, InvalidImageReferenceException {
    JavaContainerBuilder java = baseImage().setAppRoot(APP_ROOT);
    // Jib always orders the layers by how rarely they change (dependencies, snapshot
    // dependencies, resources, classes); the order of these calls is the class path's, where the
    // app comes first: /app/resources:/app/classes:/app/libs/*.
    Path classes = layout.classesDirectory();
    java.addResources(classes, p -> !p.toString().endsWith(".class"));
    java.addClasses(classes, p -> p.toString().endsWith(".class"));
    if (!layout.dependencies().isEmpty()) {
      java.addDependencies(layout.dependencies());
    }
    if (!layout.snapshotDependencies().isEmpty()) {
      java.addSnapshotDependencies(layout.snapshotDependencies());
    }
    java.addJvmFlags(settings.jvmFlags()).setMainClass(service.mainClass());

    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("org.opencontainers.image.title", app.app() + "-" + service.kubeName());
    labels.putAll(settings.labels());
    labels.put("io.dyninka.app", app.app());
    labels.put("io.dyninka.service", service.name());

    return java.toContainerBuilder()
        .setFormat(ImageFormat.OCI)
        .setCreationTime(settings.creationTime())
        .setUser(settings.user())
        .addEnvironmentVariable("PORT", Integer.toString(settings.port()))
        .addExposedPort(Port.tcp(settings.port()))
        .setLabels(labels);
  }

  private JavaContainerBuilder baseImage() throws InvalidImageReferenceException {
    String base = settings.base();
    if (base.startsWith("podman://")) {
      return JavaContainerBuilder.from(
          DockerDaemonImage.named(base.substring("podman://".length()))
              .setDockerExecutable(settings.podman()));
    }
    if (base.startsWith(Jib.TAR_IMAGE_PREFIX)) {
      return JavaContainerBuilder.from(
          TarImage.at(Path.of(base.substring(Jib.TAR_IMAGE_PREFIX.length()))));
    }
    if (base.startsWith(Jib.DOCKER_DAEMON_IMAGE_PREFIX)) {
      return JavaContainerBuilder.from(
          DockerDaemonImage.named(base.substring(Jib.DOCKER_DAEMON_IMAGE_PREFIX.length())));
    }
    String name = base.replaceFirst("^" + Jib.REGISTRY_IMAGE_PREFIX, "");
    RegistryImage image = RegistryImage.named(name);
    image.addCredentialRetriever(credentials(ImageReference.parse(name)));
    return JavaContainerBuilder.from(image);
  }

  private Containerizer containerizer(String reference)
      throws InvalidImageReferenceException, IOException {
    Containerizer containerizer;
    switch (settings.target()) {
      case TAR -> {
        Files.createDirectories(settings.tarDirectory());
        String file =
            reference.substring(reference.lastIndexOf('/') + 1).replaceFirst(":[^:]*$", "")
                + ".tar";
        containerizer =
            Containerizer.to(TarImage.at(settings.tarDirectory().resolve(file)).named(reference));
      }
      case PODMAN ->
          containerizer =
              Containerizer.to(
                  DockerDaemonImage.named(reference).setDockerExecutable(settings.podman()));
      default -> {
        RegistryImage image = RegistryImage.named(reference);
        image.addCredentialRetriever(credentials(ImageReference.parse(reference)));
        containerizer = Containerizer.to(image);
      }
    }
    return containerizer
        .setToolName("dyninka")
        .setAllowInsecureRegistries(settings.insecure())
        .setApplicationLayersCache(settings.cacheDirectory().resolve("application"))
        .setBaseImageLayersCache(settings.cacheDirectory().resolve("base"))
        .addEventHandler(LogEvent.class, this::onLog);
  }

  private com.google.cloud.tools.jib.api.CredentialRetriever credentials(ImageReference reference) {
    CredentialRetrieverFactory factory =
        CredentialRetrieverFactory.forImage(reference, this::onLog);
    // Podman keeps its logins in auth.json, in the format of Docker's config.json.
    String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
    Path podmanAuth =
        Path.of(runtimeDir != null ? runtimeDir : "/run/user/" + uid(), "containers", "auth.json");
    return () -> {
      var docker = factory.dockerConfig().retrieve();
      if (docker.isPresent()) {
        return docker;
      }
      return Files.exists(podmanAuth) ? factory.dockerConfig(podmanAuth).retrieve() : docker;
    };
  }

  private static String uid() {
    try {
      return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "0";
    }
  }

  private void onLog(LogEvent event) {
    switch (event.getLevel()) {
      case ERROR, WARN, LIFECYCLE -> log.accept(event.getMessage());
      default -> {}
    }
  }

  private String describe(BuiltImage image) {
    return switch (image.target()) {
      case TAR ->
          image.reference() + " (tar in " + settings.tarDirectory() + ", " + image.digest() + ")";
      case PODMAN -> image.reference() + " (podman, id " + image.imageId() + ")";
      case REGISTRY -> image.pinnedReference();
    };
  }

  private ImageBuildException explain(String reference, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return new ImageBuildException(
            "Cannot reach the registry for "
                + reference
                + " or the base image "
                + settings.base()
                + " ("
                + t.getMessage()
                + "). Is the registry running? Without network access, use"
                + " a local base image: -Ddyninka.image.base=tar://path/to/jre.tar (see"
                + " scripts/base-image.sh).",
            cause);
      }
    }
    if (settings.target() == ImageTarget.PODMAN && cause.getMessage() != null) {
      return new ImageBuildException(
          "podman could not load "
              + reference
              + ": "
              + cause.getMessage()
              + " (dyninka.image.podman="
              + settings.podman()
              + ")",
          cause);
    }
    return new ImageBuildException("Cannot build " + reference + ": " + cause, cause);
  }
}
