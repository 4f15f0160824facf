package io.dyninka.maven;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.manifest.PlacementException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * Reads {@code -Ddyninka.colocate}, the grouping of the app's services into processes, the same way
 * for every goal: a bad spec stops the goal before anything starts, and what the spec left implicit
 * is said at INFO.
 */
final class Colocation {

  /** The property of the grouping: {@code a+b+c,d+e}, or {@code all}. */
  static final String PROPERTY = "dyninka.colocate";

  private Colocation() {}

  /** The placement {@code spec} gives {@code manifest}; split when it is null or blank. */
  static Placement placement(String spec, AppManifest manifest, Log log)
      throws MojoExecutionException {
    Placement placement;
    try {
      placement = Placement.parse(spec, manifest);
    } catch (PlacementException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    placement.notes().forEach(log::info);
    return placement;
  }
}
