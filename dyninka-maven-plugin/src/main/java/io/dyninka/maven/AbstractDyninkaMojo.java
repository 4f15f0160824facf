package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The frame of every Dyninka goal: let the command line beat the POM, skip, find the app manifest,
 * then do the goal's own work.
 *
 * <p>Goals read only the manifest that the processor wrote into the class output, never the
 * sources.
 */
public abstract class AbstractDyninkaMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /** Skips this goal. */
  @Parameter(property = "dyninka.skip", defaultValue = "false")
  protected boolean skip;

  /** The app to act on, when the project holds several {@code @Dataflow} apps. */
  @Parameter(property = "dyninka.app")
  protected String app;

  /** Where the processor wrote the manifests: the project's class output. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  protected File classesDirectory;

  @Parameter(defaultValue = "${session}", readonly = true)
  protected MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  MojoExecution mojoExecution;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    applyCommandLine(session == null ? new Properties() : session.getUserProperties());
    if (skip || shouldSkip()) {
      getLog().info("Skipping " + goal());
      return;
    }
    executeInternal(manifest());
  }

  /** Sets every parameter whose {@code dyninka.…} property the command line gives. */
  void applyCommandLine(Properties commandLine) throws MojoExecutionException {
    CommandLineOverrides.apply(
        this,
        mojoExecution != null
            ? mojoExecution.getMojoDescriptor()
            : CommandLineOverrides.descriptorOf(getClass()),
        commandLine,
        project == null ? null : project.getBasedir());
  }

  /** The goal's own work, on the app's manifest. */
  protected abstract void executeInternal(AppManifest manifest)
      throws MojoExecutionException, MojoFailureException;

  /** Lets a goal skip for reasons of its own; the {@code dyninka.skip} property always does. */
  protected boolean shouldSkip() {
    return false;
  }

  private String goal() {
    return getClass().getSimpleName().replace("Mojo", "").toLowerCase(java.util.Locale.ROOT);
  }

  /** Reads the manifest of the chosen app, or of the only app, from the class output. */
  protected AppManifest manifest() throws MojoExecutionException {
    Path dir = classesDirectory.toPath().resolve("META-INF/dyninka");
    List<Path> manifests;
    try (Stream<Path> files = Files.list(dir)) {
      manifests = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      manifests = List.of();
    }
    if (manifests.isEmpty()) {
      throw new MojoExecutionException(
          "No Dyninka app manifest in "
              + dir
              + ". Run 'mvn package' first, and check that the project has a @Dataflow method and"
              + " depends on dyninka-processor (or has it in annotationProcessorPaths).");
    }
    Path chosen;
    if (app != null && !app.isBlank()) {
      chosen = dir.resolve(app + ".json");
      if (!Files.exists(chosen)) {
        throw new MojoExecutionException(
            "No app named '" + app + "' (dyninka.app); this project has: " + appNames(manifests));
      }
    } else if (manifests.size() == 1) {
      chosen = manifests.get(0);
    } else {
      throw new MojoExecutionException(
          "This project holds several apps "
              + appNames(manifests)
              + ": choose one with -Ddyninka.app=NAME");
    }
    try {
      return AppManifest.decode(Files.readString(chosen));
    } catch (IOException | IllegalArgumentException e) {
      throw new MojoExecutionException(
          "Cannot read the app manifest " + chosen + ": " + e.getMessage(), e);
    }
  }

  private static List<String> appNames(List<Path> manifests) {
    return manifests.stream().map(p -> p.getFileName().toString().replace(".json", "")).toList();
  }
}
