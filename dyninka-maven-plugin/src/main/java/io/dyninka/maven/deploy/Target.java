package io.dyninka.maven.deploy;

import java.util.Locale;

/** Where {@code dyninka:deploy} puts an app. */
public enum Target {
  KUBERNETES,
  MARATHON,
  PODMAN,
  LOCAL;

  public static Target parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown target '"
              + text
              + "' (dyninka.target): use kubernetes, marathon, podman or local",
          e);
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
