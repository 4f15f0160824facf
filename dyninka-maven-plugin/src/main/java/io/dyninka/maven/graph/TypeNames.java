package io.dyninka.maven.graph;

import java.util.regex.Pattern;

/** Short forms of the manifest's Java type names, for labels a reader takes in at a glance. */
final class TypeNames {

  /** A package segment: lower-case by convention, followed by a dot. */
  private static final Pattern PACKAGE_SEGMENT = Pattern.compile("\\b[a-z_][\\w$]*\\.");

  private TypeNames() {}

  /**
   * Drops packages and keeps enclosing classes, joined by a dot as in source: {@code
   * java.util.List<org.x.Outer.Inner>} and the binary name {@code
   * java.util.List<org.x.Outer$Inner>} both become {@code List<Outer.Inner>}.
   */
  static String simple(String type) {
    if (type == null) {
      return "";
    }
    String previous;
    String current = type.strip();
    do {
      previous = current;
      current = PACKAGE_SEGMENT.matcher(current).replaceAll("");
    } while (!current.equals(previous));
    return current.replace('$', '.');
  }
}
