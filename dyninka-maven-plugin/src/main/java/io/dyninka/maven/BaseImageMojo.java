package io.dyninka.maven;

import io.dyninka.maven.image.BaseImageMaker;
import io.dyninka.maven.image.ImageBuildException;
import io.dyninka.maven.image.ImageNames;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code dyninka:base-image}: makes a small JRE base image from this machine's JDK (jlink plus the
 * shared libraries it loads), for builds that cannot pull {@code eclipse-temurin:17-jre}. Writes a
 * tar to use as {@code -Ddyninka.image.base=tar://…}, and optionally pushes it to a registry. Needs
 * no project.
 */
@Mojo(name = "base-image", requiresProject = false, threadSafe = true)
public class BaseImageMojo extends AbstractMojo {

  /** The tar to write; {@code none} writes no tar. */
  @Parameter(
      property = "dyninka.baseImage.tar",
      defaultValue = "${project.build.directory}/dyninka/jre.tar")
  String tar;

  /** The image name recorded in the tar. */
  @Parameter(property = "dyninka.baseImage.name", defaultValue = BaseImageMaker.DEFAULT_NAME)
  String name;

  /**
   * A registry reference to push the image to as well, e.g. {@code 127.0.0.1:5000/dyninka/jre:17}.
   */
  @Parameter(property = "dyninka.baseImage.push")
  String push;

  /** Allows a registry without verified HTTPS; loopback registries are always allowed. */
  @Parameter(property = "dyninka.image.insecure", defaultValue = "false")
  boolean insecure;

  /** The JDK to jlink from; defaults to the one running Maven. */
  @Parameter(property = "dyninka.baseImage.jdk")
  File jdk;

  /** The modules of the JRE, comma separated; defaults to what a Vert.x service needs. */
  @Parameter(property = "dyninka.baseImage.modules")
  String modules;

  /** Skips this goal. */
  @Parameter(property = "dyninka.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${session}", readonly = true)
  MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  MojoExecution mojoExecution;

  @Override
  public void execute() throws MojoExecutionException {
    applyCommandLine(session == null ? new Properties() : session.getUserProperties());
    if (skip) {
      getLog().info("Skipping base-image");
      return;
    }
    Path out = tar == null || tar.equals("none") ? null : absolute(tar);
    if (out == null && (push == null || push.isBlank())) {
      throw new MojoExecutionException(
          "Nothing to do: set dyninka.baseImage.tar or dyninka.baseImage.push");
    }
    Path jdkHome = jdk == null ? BaseImageMaker.currentJdk() : jdk.toPath();
    var moduleList =
        modules == null || modules.isBlank()
            ? BaseImageMaker.DEFAULT_MODULES
            : Arrays.stream(modules.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    // Beside the tar, or in the project's target/: never in the system temp folder.
    Path work =
        (out != null ? out.getParent() : absolute("${project.build.directory}/dyninka"))
            .resolve("dyninka-jre-work");
    String pushTo = push == null || push.isBlank() ? null : push;
    try {
      new BaseImageMaker(jdkHome, moduleList, getLog()::info)
          .make(
              out,
              name,
              pushTo,
              insecure || (pushTo != null && ImageNames.isLoopbackRegistry(pushTo)),
              work);
    } catch (ImageBuildException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** Sets every parameter whose {@code dyninka.…} property the command line gives. */
  void applyCommandLine(Properties commandLine) throws MojoExecutionException {
    CommandLineOverrides.apply(
        this,
        mojoExecution != null
            ? mojoExecution.getMojoDescriptor()
            : CommandLineOverrides.descriptorOf(getClass()),
        commandLine,
        null);
  }

  private static Path absolute(String file) {
    // Without a project, ${project.build.directory} is not interpolated: fall back to the cwd.
    String resolved = file.replace("${project.build.directory}", "target");
    return Path.of(resolved).toAbsolutePath();
  }
}
