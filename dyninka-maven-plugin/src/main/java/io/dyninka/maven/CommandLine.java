package io.dyninka.maven;

import java.util.Properties;

/**
 * The {@code -D} properties of the Maven command line. Maven lets a value configured in the POM
 * beat a {@code -D} property of the same name; like Jib, Dyninka lets the command line win, so that
 * {@code -Ddyninka.image.registry=…} works whatever the POM says.
 */
final class CommandLine {

  private final Properties user;

  CommandLine(Properties user) {
    this.user = user == null ? new Properties() : user;
  }

  String string(String property, String configured) {
    String value = user.getProperty(property);
    return value != null ? value : configured;
  }

  int integer(String property, int configured) {
    String value = user.getProperty(property);
    try {
      return value != null ? Integer.parseInt(value.strip()) : configured;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-D" + property + "=" + value + " is not a whole number", e);
    }
  }

  long longValue(String property, long configured) {
    String value = user.getProperty(property);
    try {
      return value != null ? Long.parseLong(value.strip()) : configured;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-D" + property + "=" + value + " is not a whole number", e);
    }
  }

  double decimal(String property, double configured) {
    String value = user.getProperty(property);
    try {
      return value != null ? Double.parseDouble(value.strip()) : configured;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + property + "=" + value + " is not a number", e);
    }
  }

  boolean bool(String property, boolean configured) {
    String value = user.getProperty(property);
    return value != null ? value.isBlank() || Boolean.parseBoolean(value.strip()) : configured;
  }
}
