package io.dyninka.maven.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code dyninka:deploy} and {@code dyninka:undeploy} need to reach a target.
 *
 * @param namespace the Kubernetes namespace; the kubeconfig context's when blank
 * @param timeout how long to wait for every service to be ready (or removed)
 * @param marathon Marathon's URL; null when none is set
 * @param podmanCommand the podman command and its global options
 * @param podmanTlsVerify whether podman verifies the registry's TLS when it pulls
 * @param podmanPlayDirectory where the podman target keeps the files it plays
 */
public record TargetSettings(
    String namespace,
    Duration timeout,
    URI marathon,
    List<String> podmanCommand,
    boolean podmanTlsVerify,
    Path podmanPlayDirectory) {

  public TargetSettings {
    podmanCommand = List.copyOf(podmanCommand);
  }
}
