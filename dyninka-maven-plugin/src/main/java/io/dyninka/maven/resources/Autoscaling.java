package io.dyninka.maven.resources;

/**
 * How the services that may scale are autoscaled on Kubernetes: a HorizontalPodAutoscaler
 * (autoscaling/v2) on CPU per service, when {@code enabled}.
 *
 * @param enabled whether each service that may scale gets a HorizontalPodAutoscaler
 * @param min the fewest pods; {@code 0} for the service's replicas
 * @param max the most pods
 * @param cpuPercent the average CPU use, as a share of the CPU request, the autoscaler aims for
 */
public record Autoscaling(boolean enabled, int min, int max, int cpuPercent) {

  /** What {@code dyninka:resources} and {@code dyninka:deploy} do unless told otherwise. */
  public static final Autoscaling DEFAULT = new Autoscaling(true, 0, 5, 70);

  /** No autoscaler: the Deployments keep their fixed replicas. */
  public static final Autoscaling OFF = new Autoscaling(false, 0, 5, 70);

  public Autoscaling {
    if (min < 0) {
      throw new IllegalArgumentException("dyninka.hpa.min must be at least 1, not " + min);
    }
    if (max < 1 || (min > 0 && max < min)) {
      throw new IllegalArgumentException(
          "dyninka.hpa.max must be at least dyninka.hpa.min ("
              + Math.max(min, 1)
              + "), not "
              + max);
    }
    if (cpuPercent < 1) {
      throw new IllegalArgumentException(
          "dyninka.hpa.cpuPercent must be a positive share of the CPU request, not " + cpuPercent);
    }
  }

  /** The fewest pods of a service that starts with {@code replicas}. */
  public int minFor(int replicas) {
    return min > 0 ? min : Math.min(replicas, max);
  }
}
