package io.dyninka.maven.deploy;

import io.dyninka.maven.resources.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A short hash of what was applied, kept on the object itself ({@link Labels#CONFIG_HASH}), so a
 * redeploy leaves alone an object whose live hash matches the one it would apply.
 */
final class ConfigurationHash {

  private ConfigurationHash() {}

  /** Annotates the object with the hash of itself without that annotation; returns the object. */
  static <T extends HasMetadata> T stamp(T object) {
    ObjectMeta meta = object.getMetadata();
    Map<String, String> annotations =
        new LinkedHashMap<>(meta.getAnnotations() == null ? Map.of() : meta.getAnnotations());
    annotations.remove(Labels.CONFIG_HASH);
    meta.setAnnotations(annotations);
    // The hash covers the object without it; the map is the one now set on the object.
    annotations.put(Labels.CONFIG_HASH, of(object));
    return object;
  }

  /** True when the live object carries the stamp the desired one has. */
  static boolean unchanged(HasMetadata desired, HasMetadata live) {
    return live != null && stampOf(desired) != null && stampOf(desired).equals(stampOf(live));
  }

  /** The hash of the object as JSON: 24 hex digits of its SHA-256. */
  static String of(HasMetadata object) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Serialization.asJson(object).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static String stampOf(HasMetadata object) {
    Map<String, String> a = object.getMetadata().getAnnotations();
    return a == null ? null : a.get(Labels.CONFIG_HASH);
  }
}
