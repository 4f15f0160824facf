package io.dyninka.it.dag;

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
 * A user project that maven-invoker built under target/it, as this package sees it: its manifest,
 * its class path, and its {@code @Dataflow} flow for runLocal. (The same as io.dyninka.it's
 * UserProject, which is package-private there.)
 */
final class BuiltProject {

  private final Path dir;
  private ClassLoader loader;

  BuiltProject(String name) {
    this.dir = Path.of(System.getProperty("it.projects", "target/it"), name).toAbsolutePath();
  }

  private Path classes() {
    return dir.resolve("target/classes");
  }

  AppManifest manifest(String app) throws IOException {
    return AppManifest.decode(Files.readString(classes().resolve(AppManifest.resourcePath(app))));
  }

  /** Its classes, then what dependency:build-classpath wrote. */
  List<Path> classpath() throws IOException {
    List<Path> entries = new ArrayList<>();
    entries.add(classes());
    String deps = Files.readString(dir.resolve("target/classpath.txt")).trim();
    Arrays.stream(deps.split(File.pathSeparator))
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .forEach(entries::add);
    return entries;
  }

  /** The flow the {@code @Dataflow} method of {@code sourceClass} builds, loaded in this JVM. */
  Flow<?> localFlow(String sourceClass) throws Exception {
    for (Method method : load(sourceClass).getDeclaredMethods()) {
      if (Modifier.isStatic(method.getModifiers())
          && method.getReturnType() == Flow.class
          && method.getParameterCount() == 0) {
        method.setAccessible(true);
        return (Flow<?>) method.invoke(null);
      }
    }
    throw new IllegalStateException(sourceClass + " has no static method returning a Flow");
  }

  Class<?> load(String name) throws ClassNotFoundException, IOException {
    if (loader == null) {
      loader =
          new URLClassLoader(new URL[] {classes().toUri().toURL()}, getClass().getClassLoader());
    }
    return Class.forName(name, true, loader);
  }
}
