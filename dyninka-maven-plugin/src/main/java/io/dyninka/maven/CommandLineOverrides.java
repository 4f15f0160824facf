package io.dyninka.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.codehaus.plexus.configuration.PlexusConfigurationException;

/**
 * Lets the command line beat the POM. Maven gives a parameter configured in the POM precedence over
 * a {@code -D} property of the same name; like Jib, Dyninka lets {@code -Ddyninka.…} win, so that
 * {@code -Ddyninka.image.registry=…} works whatever the POM says.
 *
 * <p>The property of each parameter is read from the plugin descriptor, which Maven generated from
 * the {@code @Parameter} annotations: the annotations are the one place property names are written.
 */
final class CommandLineOverrides {

  static final String PREFIX = "dyninka.";
  private static final String DESCRIPTOR = "META-INF/maven/plugin.xml";

  private CommandLineOverrides() {}

  /** The {@code dyninka.*} parameters of a goal, as the descriptor declares them. */
  static List<Parameter> parameters(MojoDescriptor goal) {
    return goal.getParameters() == null
        ? List.of()
        : goal.getParameters().stream().filter(p -> property(p) != null).toList();
  }

  /** The {@code dyninka.…} property of a parameter, or null when it has none. */
  static String property(Parameter parameter) {
    String expression = parameter.getExpression();
    if (expression == null
        || !expression.startsWith("${" + PREFIX)
        || !expression.endsWith("}")
        || !parameter.isEditable()) {
      return null;
    }
    return expression.substring(2, expression.length() - 1);
  }

  /** Sets every parameter of {@code mojo} whose property the command line gives. */
  static void apply(Object mojo, MojoDescriptor goal, Properties commandLine, File basedir)
      throws MojoExecutionException {
    for (Parameter parameter : parameters(goal)) {
      String property = property(parameter);
      String value = commandLine.getProperty(property);
      if (value != null) {
        set(mojo, field(mojo.getClass(), parameter.getName()), property, value, basedir);
      }
    }
  }

  /** This plugin's descriptor of the goal {@code mojoClass} implements, read from its jar. */
  static MojoDescriptor descriptorOf(Class<?> mojoClass) throws MojoExecutionException {
    try (Reader reader =
        new InputStreamReader(
            mojoClass.getClassLoader().getResourceAsStream(DESCRIPTOR), StandardCharsets.UTF_8)) {
      PluginDescriptor plugin = new PluginDescriptorBuilder().build(reader);
      for (Class<?> c = mojoClass; c != null; c = c.getSuperclass()) {
        for (MojoDescriptor goal : plugin.getMojos()) {
          if (goal.getImplementation().equals(c.getName())) {
            return goal;
          }
        }
      }
      throw new MojoExecutionException("No goal of " + mojoClass.getName() + " in " + DESCRIPTOR);
    } catch (IOException | PlexusConfigurationException | NullPointerException e) {
      throw new MojoExecutionException("Cannot read the plugin's " + DESCRIPTOR + ": " + e, e);
    }
  }

  private static Field field(Class<?> type, String name) throws MojoExecutionException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    throw new MojoExecutionException("No field " + name + " in " + type.getName());
  }

  private static void set(Object mojo, Field field, String property, String text, File basedir)
      throws MojoExecutionException {
    try {
      field.set(mojo, convert(field.getType(), property, text.strip(), basedir));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static Object convert(Class<?> type, String property, String text, File basedir)
      throws MojoExecutionException {
    try {
      if (type == String.class) {
        return text;
      } else if (type == int.class || type == Integer.class) {
        return Integer.parseInt(text);
      } else if (type == long.class || type == Long.class) {
        return Long.parseLong(text);
      } else if (type == double.class || type == Double.class) {
        return Double.parseDouble(text);
      } else if (type == boolean.class || type == Boolean.class) {
        return bool(property, text);
      } else if (type == File.class) {
        File file = new File(text);
        return file.isAbsolute() || basedir == null ? file : new File(basedir, text);
      }
    } catch (NumberFormatException e) {
      throw new MojoExecutionException(
          "-D"
              + property
              + "="
              + text
              + " is not a "
              + (type == double.class ? "number" : "whole number"),
          e);
    }
    throw new IllegalStateException("no conversion of -D" + property + " to " + type);
  }

  private static boolean bool(String property, String text) throws MojoExecutionException {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "", "true" -> true;
      case "false" -> false;
      default ->
          throw new MojoExecutionException("-D" + property + "=" + text + " must be true or false");
    };
  }
}
