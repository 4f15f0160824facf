package io.dyninka.maven.deploy;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Watches Deployments roll out until every one is ready, and fails fast when a pod cannot pull its
 * image or keeps crashing, rather than waiting for the timeout.
 */
final class RolloutWatch {

  private static final Set<String> IMAGE_ERRORS =
      Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");

  /** A Deployment not yet ready: how many of its pods are. */
  record Waiting(String deployment, int ready, int wanted) {
    @Override
    public String toString() {
      return deployment + " (" + ready + "/" + wanted + ")";
    }
  }

  private final KubernetesClient client;
  private final String namespace;
  private final Consumer<String> log;
  private final Duration timeout;
  private final Duration poll;

  RolloutWatch(
      KubernetesClient client,
      String namespace,
      Consumer<String> log,
      Duration timeout,
      Duration poll) {
    this.client = client;
    this.namespace = namespace;
    this.log = log;
    this.timeout = timeout;
    this.poll = poll;
  }

  /** Returns once every Deployment is ready; throws past the timeout, or on a hopeless pod. */
  void awaitReady(List<Deployment> deployments) throws DeployException {
    ReadinessWait wait = new ReadinessWait(log, timeout, poll);
    while (true) {
      List<String> ready = new ArrayList<>();
      List<Waiting> waiting = new ArrayList<>();
      for (Deployment wanted : deployments) {
        String name = wanted.getMetadata().getName();
        Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (d == null) {
          throw new DeployException(
              "Deployment " + name + " disappeared while waiting for it to be ready");
        }
        if (isReady(d)) {
          ready.add(name);
        } else {
          checkPods(d);
          waiting.add(new Waiting(name, orZero(statusOf(d).getReadyReplicas()), replicas(d)));
        }
      }
      if (wait.settled(
          ready,
          waiting.stream().map(Waiting::toString).toList(),
          deployments.size(),
          "Not every service got ready",
          () ->
              "See 'kubectl -n "
                  + namespace
                  + " describe deployment "
                  + waiting.get(0).deployment()
                  + "' and its pods' logs.")) {
        return;
      }
      wait.pause("the services to be ready");
    }
  }

  /** Ready once the controller saw the latest spec and every replica is updated and ready. */
  static boolean isReady(Deployment d) {
    DeploymentStatus s = d.getStatus();
    if (s == null) {
      return false;
    }
    long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    int want = replicas(d);
    return s.getObservedGeneration() != null
        && s.getObservedGeneration() >= generation
        && orZero(s.getUpdatedReplicas()) >= want
        && orZero(s.getReadyReplicas()) >= want
        && orZero(s.getReplicas()) <= orZero(s.getUpdatedReplicas());
  }

  private void checkPods(Deployment d) throws DeployException {
    Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
    String image = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    for (Pod pod : client.pods().inNamespace(namespace).withLabels(selector).list().getItems()) {
      if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
        continue;
      }
      for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
        if (cs.getState() == null || cs.getState().getWaiting() == null) {
          continue;
        }
        String reason = cs.getState().getWaiting().getReason();
        if (IMAGE_ERRORS.contains(reason)) {
          throw new DeployException(
              "The image of "
                  + d.getMetadata().getName()
                  + " cannot be pulled ("
                  + reason
                  + "): "
                  + image
                  + ". Build and push it with 'mvn package dyninka:build"
                  + " -Ddyninka.image.registry=<a registry the cluster can pull from>', and check"
                  + " the cluster's pull secrets (dyninka.imagePullSecrets).");
        }
        if ("CrashLoopBackOff".equals(reason)) {
          throw new DeployException(
              "Service "
                  + d.getMetadata().getName()
                  + " keeps crashing (CrashLoopBackOff): see 'kubectl -n "
                  + namespace
                  + " logs "
                  + pod.getMetadata().getName()
                  + "'.");
        }
      }
    }
  }

  private static DeploymentStatus statusOf(Deployment d) {
    return d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
  }

  private static int replicas(Deployment d) {
    return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }
}
