package io.dyninka.runtime.group;

import io.dyninka.manifest.ServiceManifest;
import io.dyninka.runtime.ServiceFunction;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Finds a service's function in its generated class, the manifest's {@code mainClass}: the class
 * implements {@link ServiceFunction} and has a private no-arg constructor, which this calls.
 */
final class GeneratedServices {

  private GeneratedServices() {}

  static ServiceFunction load(ServiceManifest service, ClassLoader loader) {
    String name = service.mainClass();
    Class<?> type;
    try {
      type = Class.forName(name, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "service '" + service.name() + "': its class " + name + " is not on the class path", e);
    }
    if (!ServiceFunction.class.isAssignableFrom(type)) {
      throw new IllegalStateException(
          "service '"
              + service.name()
              + "': "
              + name
              + " is not a generated service class (it does not implement ServiceFunction);"
              + " rebuild the app with dyninka-processor");
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor();
      // The generated class keeps its constructor private; it lives in the unnamed module.
      constructor.setAccessible(true);
      return (ServiceFunction) constructor.newInstance();
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException(
          "service '" + service.name() + "': " + name + " has no no-arg constructor to call", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "service '" + service.name() + "': " + name + " failed to start: " + e.getCause(),
          e.getCause());
    }
  }
}
