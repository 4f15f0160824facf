package io.dyninka.it;

import io.dyninka.Flow;
import io.dyninka.manifest.AppManifest;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A user project that maven-invoker built under target/it: its manifest, class path and classes.
 */
public final class UserProject {

  public final Path dir;
  private ClassLoader loader;

  public UserProject(String name) {
    this.dir = Path.of(System.getProperty("it.projects", "target/it"), name).toAbsolutePath();
  }

  public Path classes() {
    return dir.resolve("target/classes");
  }

  public AppManifest manifest(String app) throws IOException {
    return AppManifest.decode(Files.readString(classes().resolve(AppManifest.resourcePath(app))));
  }

  /** The project's runtime class path: its classes, then what dependency:build-classpath wrote. */
  public List<Path> classpath() throws IOException {
    List<Path> entries = new ArrayList<>();
    entries.add(classes());
    String deps = Files.readString(dir.resolve("target/classpath.txt")).trim();
    Arrays.stream(deps.split(File.pathSeparator))
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .forEach(entries::add);
    return entries;
  }

  /**
   * Loads the user's classes over this test's own Dyninka and Vert.x classes, and returns the flow
   * its {@code @Dataflow} method builds: the reference for the distributed answers.
   */
  public Flow<?> localFlow(String sourceClass) throws Exception {
    Class<?> source = load(sourceClass);
    for (Method method : source.getDeclaredMethods()) {
      if (Modifier.isStatic(method.getModifiers())
          && method.getReturnType() == Flow.class
          && method.getParameterCount() == 0) {
        method.setAccessible(true);
        return (Flow<?>) method.invoke(null);
      }
    }
    throw new IllegalStateException(sourceClass + " has no static method returning a Flow");
  }

  /** Loads one of the user's classes; all of them come from one loader, so their types agree. */
  public Class<?> load(String name) throws ClassNotFoundException, IOException {
    if (loader == null) {
      loader =
          new URLClassLoader(new URL[] {classes().toUri().toURL()}, getClass().getClassLoader());
    }
    return Class.forName(name, true, loader);
  }
}
