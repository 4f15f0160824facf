package io.dyninka.maven.resources;

/**
 * One named step of assembling an app's Kubernetes resources, like a JKube enricher: the first step
 * creates the objects, each later one tunes one concern (labels, probes, security, ...), adding
 * what is missing without overwriting what an earlier step or the user set.
 */
public interface ResourceStep {

  /** The step's name, as the goal reports it in its log. */
  String name();

  void apply(KubernetesModel model);
}
