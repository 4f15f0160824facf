package io.dyninka.maven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RolloutWatchTest {

  @Test
  @DisplayName("a Deployment whose controller has not seen its latest spec is not ready yet")
  void staleObservedGeneration() {
    assertThat(RolloutWatch.isReady(deployment(2, 1, 2, 2, 2))).isFalse();
    assertThat(RolloutWatch.isReady(deployment(2, 2, 2, 2, 2))).isTrue();
  }

  @Test
  @DisplayName("old pods still running keep a rolled Deployment waiting")
  void oldPodsRemaining() {
    assertThat(RolloutWatch.isReady(deployment(1, 1, 3, 2, 2))).isFalse();
  }

  @Test
  @DisplayName("what still waits reads as 'name (ready/wanted)'")
  void waitingReport() {
    assertThat(new RolloutWatch.Waiting("get", 1, 2)).hasToString("get (1/2)");
  }

  private static Deployment deployment(
      long generation, long observed, int replicas, int updated, int ready) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("get")
        .withGeneration(generation)
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .endSpec()
        .withNewStatus()
        .withObservedGeneration(observed)
        .withReplicas(replicas)
        .withUpdatedReplicas(updated)
        .withReadyReplicas(ready)
        .endStatus()
        .build();
  }
}
