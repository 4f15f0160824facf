package io.dyninka.it.placement;

import io.dyninka.Flow;
import io.dyninka.it.UserProject;
import io.dyninka.manifest.AppManifest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/** The orders project that maven-invoker built under target/it: manifest, class path, flow. */
final class BuiltOrders {

  private final UserProject project = new UserProject("orders");

  AppManifest manifest() throws IOException {
    return project.manifest("orders");
  }

  List<Path> classpath() throws IOException {
    return project.classpath();
  }

  /**
   * A fresh copy of the user's classes (their static state at its start) and the flow they build.
   */
  Loaded load(String sourceClass) throws Exception {
    ClassLoader loader =
        new URLClassLoader(
            new URL[] {project.classes().toUri().toURL()}, getClass().getClassLoader());
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
