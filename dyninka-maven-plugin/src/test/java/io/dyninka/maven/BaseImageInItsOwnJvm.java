package io.dyninka.maven;

import io.dyninka.maven.image.BaseImageMaker;

/**
 * Runs {@code dyninka:base-image} as Maven would with a project, in a JVM of its own, so that a
 * test can give it a {@code java.io.tmpdir} of its own from the start (the JDK reads it once).
 *
 * <p>Argument: the tar to write, {@code ${project.build.directory}/dyninka/jre.tar} as Maven
 * interpolates it.
 */
public final class BaseImageInItsOwnJvm {

  private BaseImageInItsOwnJvm() {}

  public static void main(String[] args) throws Exception {
    BaseImageMojo goal = new BaseImageMojo();
    goal.tar = args[0];
    goal.name = BaseImageMaker.DEFAULT_NAME;
    goal.execute();
  }
}
