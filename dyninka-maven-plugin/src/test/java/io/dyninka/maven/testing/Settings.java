package io.dyninka.maven.testing;

import io.dyninka.maven.resources.PodSettings;
import io.dyninka.maven.resources.ResourceSettings;
import java.util.Map;

/** Resource settings as the goals' defaults give them, for tests. */
public final class Settings {
  private Settings() {}

  public static ResourceSettings defaults() {
    return new ResourceSettings(
        "127.0.0.1:5000",
        "1.0",
        Map.of(),
        "1.0",
        1,
        Map.of("cpu", "100m", "memory", "192Mi"),
        Map.of("memory", "256Mi"),
        io.dyninka.maven.image.ContainerUser.parse("65532"),
        8080,
        9001,
        0.25,
        256,
        ResourceSettings.DEFAULT_MARATHON_PEER_URL);
  }

  /** {@code settings} with {@code pods} for what an operator sets, and its placement kept. */
  public static ResourceSettings withPods(ResourceSettings settings, PodSettings pods) {
    return new ResourceSettings(
        settings.registry(),
        settings.tag(),
        settings.images(),
        settings.version(),
        settings.replicas(),
        settings.requests(),
        settings.limits(),
        settings.user(),
        settings.containerPort(),
        settings.podmanBasePort(),
        settings.marathonCpus(),
        settings.marathonMem(),
        settings.marathonPeerUrl(),
        pods,
        settings.autoscaling(),
        settings.serviceMonitor(),
        settings.placement());
  }
}
