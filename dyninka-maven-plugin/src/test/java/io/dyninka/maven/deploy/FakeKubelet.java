package io.dyninka.maven.deploy;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the controllers and kubelets the CRUD mock lacks: a Deployment becomes ready soon after
 * each change, unless its image is one the "registry" does not have, in which case its pod waits in
 * ErrImagePull, as on a real cluster.
 */
final class FakeKubelet implements AutoCloseable {

  private final KubernetesClient client;
  private final String namespace;
  private final Set<String> missingImages = ConcurrentHashMap.newKeySet();

  /** When each Deployment generation was first seen: it gets ready {@code startup} later. */
  private final java.util.Map<String, Long> seen = new ConcurrentHashMap<>();

  private volatile long startupNanos;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();

  FakeKubelet(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
    loop.scheduleWithFixedDelay(this::tick, 50, 50, TimeUnit.MILLISECONDS);
  }

  /** Pods take this long to get ready, as JVMs do. */
  FakeKubelet startingIn(java.time.Duration startup) {
    startupNanos = startup.toNanos();
    return this;
  }

  FakeKubelet withoutImage(String image) {
    missingImages.add(image);
    return this;
  }

  private void tick() {
    try {
      for (Deployment d : client.apps().deployments().inNamespace(namespace).list().getItems()) {
        long generation =
            d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
        String image = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        if (missingImages.contains(image)) {
          client
              .pods()
              .inNamespace(namespace)
              .resource(
                  new PodBuilder()
                      .withNewMetadata()
                      .withName(d.getMetadata().getName() + "-abc12")
                      .withLabels(d.getSpec().getSelector().getMatchLabels())
                      .endMetadata()
                      .withNewStatus()
                      .addNewContainerStatus()
                      .withName("c")
                      .withImage(image)
                      .withNewState()
                      .withNewWaiting()
                      .withReason("ErrImagePull")
                      .endWaiting()
                      .endState()
                      .endContainerStatus()
                      .endStatus()
                      .build())
              .createOr(existing -> existing.update());
          continue;
        }
        if (d.getStatus() != null
            && d.getStatus().getObservedGeneration() != null
            && d.getStatus().getObservedGeneration() >= generation) {
          continue;
        }
        long first =
            seen.computeIfAbsent(
                d.getMetadata().getName() + "@" + generation, k -> System.nanoTime());
        if (System.nanoTime() - first < startupNanos) {
          continue;
        }
        int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        d.setStatus(
            new DeploymentStatusBuilder()
                .withObservedGeneration(generation)
                .withReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .withReadyReplicas(replicas)
                .withAvailableReplicas(replicas)
                .build());
        client.resource(d).updateStatus();
      }
    } catch (RuntimeException e) {
      // the next tick tries again: objects may change under us, as under a real controller
    }
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }
}
