package io.dyninka.maven.image;

import java.util.Locale;

/** Where {@code dyninka:build} puts the images. */
public enum ImageTarget {
  /** Pushes to the registry named in the image references. */
  REGISTRY,
  /** Writes one {@code docker load}-able tar per service. */
  TAR,
  /** Loads into the local podman store, the way Jib loads into a Docker daemon. */
  PODMAN;

  /** Parses {@code registry}, {@code tar} or {@code podman}, naming the choices when it fails. */
  public static ImageTarget parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown image target '" + text + "': use registry, tar or podman", e);
    }
  }
}
