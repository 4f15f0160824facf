package io.dyninka.it.placement;

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

/** The orders project that maven-invoker built under target/it: manifest, class path, flow. */
final class BuiltOrders {

  private final Path dir =
      Path.of(System.getProperty("it.projects", "target/it"), "orders").toAbsolutePath();

  AppManifest manifest() throws IOException {
    return AppManifest.decode(
        Files.readString(
            dir.resolve("target/classes").resolve(AppManifest.resourcePath("orders"))));
  }

  List<Path> classpath() throws IOException {
    List<Path> entries = new ArrayList<>();
    entries.add(dir.resolve("target/classes"));
    String deps = Files.readString(dir.resolve("target/classpath.txt")).trim();
    Arrays.stream(deps.split(File.pathSeparator))
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .forEach(entries::add);
    return entries;
  }

  /**
   * A fresh copy of the user's classes (their static state at its start) and the flow they build.
   */
  Loaded load(String sourceClass) throws Exception {
    ClassLoader loader =
        new URLClassLoader(
            new URL[] {dir.resolve("target/classes").toUri().toURL()}, getClass().getClassLoader());
    Class<?> source = Class.forName(sourceClass, true, loader);
    for (Method method : source.getDeclaredMethods()) {
      if (Modifier.isStatic(method.getModifiers())
          && method.getReturnType() == Flow.class
          && method.getParameterCount() == 0) {
        method.setAccessible(true);
        return new Loaded(
            (Flow<?>) method.invoke(null), Class.forName(sourceClass + "$Order", true, loader));
      }
    }
    throw new IllegalStateException(sourceClass + " has no static method returning a Flow");
  }

  record Loaded(Flow<?> flow, Class<?> orderType) {}
}
