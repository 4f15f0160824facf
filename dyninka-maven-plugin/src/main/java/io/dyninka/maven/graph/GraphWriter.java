package io.dyninka.maven.graph;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws an app's dataflow as {@code <app>.mmd} (Mermaid) and {@code <app>.svg}. Knows nothing of
 * Maven.
 */
public final class GraphWriter {

  private GraphWriter() {}

  /** The Mermaid flowchart of the app. */
  public static String mermaid(AppManifest manifest) {
    return MermaidRenderer.render(DataflowGraph.of(manifest));
  }

  /** The SVG drawing of the app. */
  public static String svg(AppManifest manifest) {
    return SvgRenderer.render(layout(manifest));
  }

  /**
   * Where the boxes and arrows of the app's drawing go: what the SVG shows, for any other view that
   * should show the same picture.
   *
   * @throws IllegalArgumentException if the manifest does not describe a dataflow
   */
  public static GraphLayout layout(AppManifest manifest) {
    return LayeredLayout.of(DataflowGraph.of(manifest));
  }

  /** Where the boxes go, with a box around each group of {@code placement}'s that has several. */
  public static GraphLayout layout(AppManifest manifest, Placement placement) {
    return LayeredLayout.of(DataflowGraph.of(manifest), placement.groups());
  }

  /**
   * Writes {@code <app>.mmd} and {@code <app>.svg} into {@code directory}. Both are drawn before
   * either is written, and each replaces its old version in one move, so a failure leaves the old
   * files or none, never a half-written one.
   *
   * @return the files written
   * @throws IllegalArgumentException if the manifest does not describe a dataflow (an input from an
   *     unknown service, a cycle)
   */
  public static List<Path> write(AppManifest manifest, Path directory) throws IOException {
    return write(manifest, Placement.split(manifest), directory);
  }

  /** As {@link #write(AppManifest, Path)}, the SVG drawing a box around each group of services. */
  public static List<Path> write(AppManifest manifest, Placement placement, Path directory)
      throws IOException {
    DataflowGraph graph = DataflowGraph.of(manifest);
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(
        directory.resolve(manifest.app() + ".mmd"),
        MermaidRenderer.render(graph, placement.groups()));
    files.put(
        directory.resolve(manifest.app() + ".svg"),
        SvgRenderer.render(LayeredLayout.of(graph, placement.groups())));
    Files.createDirectories(directory);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<Path, String> file : files.entrySet()) {
      replace(file.getKey(), file.getValue());
      written.add(file.getKey());
    }
    return written;
  }

  private static void replace(Path target, String content) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
