package io.dyninka.processor.base;

import java.util.regex.Pattern;

/** How Java names become Kubernetes names (kebab-case) and generated class names (PascalCase). */
public final class Names {

  /** RFC 1035 label, as Kubernetes checks Service and app names. */
  private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  private static final int DNS_1035_MAX_LENGTH = 63;

  private Names() {}

  /**
   * The kebab-case form of a Java name: {@code filterTemperature} → {@code filter-temperature},
   * {@code SmartBuilding} → {@code smart-building}, {@code HTTPServer} → {@code http-server},
   * {@code map_reading} → {@code map-reading}. Characters that no DNS label allows are kept, so
   * that {@link #isDns1035Label} rejects the result instead of this method hiding a bad name.
   */
  public static String kebabCase(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_') {
        out.append('-');
        continue;
      }
      if (Character.isUpperCase(c) && i > 0) {
        char previous = name.charAt(i - 1);
        boolean wordStart = Character.isLowerCase(previous) || Character.isDigit(previous);
        boolean acronymEnd =
            Character.isUpperCase(previous)
                && i + 1 < name.length()
                && Character.isLowerCase(name.charAt(i + 1));
        if ((wordStart || acronymEnd) && out.charAt(out.length() - 1) != '-') {
          out.append('-');
        }
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /**
   * The PascalCase form of a kebab-case or camelCase name, for generated class names: {@code
   * smart-building} → {@code SmartBuilding}, {@code movingAvg} → {@code MovingAvg}.
   */
  public static String pascalCase(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upperNext = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' || c == '_') {
        upperNext = true;
      } else if (upperNext) {
        out.append(Character.toUpperCase(c));
        upperNext = false;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether {@code name} is a DNS-1035 label: {@code [a-z]([-a-z0-9]*[a-z0-9])?}, at most 63. */
  public static boolean isDns1035Label(String name) {
    return name.length() <= DNS_1035_MAX_LENGTH && DNS_1035_LABEL.matcher(name).matches();
  }
}
