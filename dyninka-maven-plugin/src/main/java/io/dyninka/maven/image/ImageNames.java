package io.dyninka.maven.image;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import java.util.regex.Pattern;

/** How a service's image is named: {@code <registry>/<app>-<kubeName>:<tag>}. */
public final class ImageNames {

  // The tag grammar of the OCI distribution spec.
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private ImageNames() {}

  /** The repository of a service's image, without tag: {@code <registry>/<app>-<kubeName>}. */
  public static String repository(String registry, AppManifest app, ServiceManifest service) {
    String name = app.app() + "-" + service.kubeName();
    String prefix = registry == null ? "" : registry.strip();
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  /** The full reference of a service's image. */
  public static String reference(
      String registry, String tag, AppManifest app, ServiceManifest service) {
    return repository(registry, app, service) + ":" + checkTag(tag);
  }

  /** The reference pinned to a digest: what an orchestrator should run. */
  public static String pinned(String repository, String digest) {
    return repository + "@" + digest;
  }

  public static String checkTag(String tag) {
    if (tag == null || !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException(
          "'"
              + tag
              + "' is not a valid image tag (dyninka.image.tag): use letters, digits, '_', '.'"
              + " and '-', at most 128 characters, not starting with '.' or '-'");
    }
    return tag;
  }

  /** Whether a registry is on this machine, where plain HTTP is the norm. */
  public static boolean isLoopbackRegistry(String registry) {
    if (registry == null) {
      return false;
    }
    String host = registry.strip().split("/", 2)[0].replaceFirst(":\\d+$", "");
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
  }
}
