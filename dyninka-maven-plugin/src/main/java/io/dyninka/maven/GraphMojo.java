package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.maven.graph.GraphWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code dyninka:graph}: draws the app's dataflow as {@code <app>.mmd} (Mermaid) and {@code
 * <app>.svg}: services with their output types, the client, and edges labelled with the type that
 * travels along them. The SVG is laid out by Eclipse ELK's layered algorithm, so arrows go around
 * the boxes they do not connect and no label hides under a box.
 */
@Mojo(name = "graph", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class GraphMojo extends AbstractDyninkaMojo {

  /** Where {@code <app>.mmd} and {@code <app>.svg} are written. */
  @Parameter(
      property = "dyninka.graph.outputDirectory",
      defaultValue = "${project.build.directory}/dyninka")
  File outputDirectory;

  /**
   * Which services share a process ({@code a+b,c+d}, or {@code all}): the SVG draws each group as a
   * box around its members.
   */
  @Parameter(property = Colocation.PROPERTY)
  String colocate;

  /** Skips {@code dyninka:graph}. */
  @Parameter(property = "dyninka.graph.skip", defaultValue = "false")
  boolean skipGraph;

  @Override
  protected boolean shouldSkip() {
    return skipGraph;
  }

  @Override
  protected void executeInternal(AppManifest manifest) throws MojoExecutionException {
    Placement placement = Colocation.placement(colocate, manifest, getLog());
    try {
      for (Path file : GraphWriter.write(manifest, placement, outputDirectory.toPath())) {
        getLog().info("Wrote " + file);
      }
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(
          "Cannot draw app "
              + manifest.app()
              + ": "
              + e.getMessage()
              + ". Rebuild the project ('mvn package').",
          e);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot write the graph of app "
              + manifest.app()
              + " to "
              + outputDirectory
              + " (dyninka.graph.outputDirectory): "
              + e,
          e);
    }
  }
}
