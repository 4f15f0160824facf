package io.dyninka.maven.testing;

import io.dyninka.maven.resources.PodSettings;
import io.dyninka.maven.resources.ResourceSettings;
import java.util.Map;

/** Resource settings as the goals' defaults give them, for tests. */
public final class Settings {
  private Settings() {}

  public static ResourceSettings defaults() {
    return ResourceSettings.builder()
        .registry("127.0.0.1:5000")
        .tag("1.0")
        .version("1.0")
        .requests(Map.of("cpu", "100m", "memory", "192Mi"))
        .limits(Map.of("memory", "256Mi"))
        .build();
  }

  /** {@code settings} with {@code pods} for what an operator sets, and its placement kept. */
  public static ResourceSettings withPods(ResourceSettings settings, PodSettings pods) {
    return settings.toBuilder().pods(pods).build();
  }
}
