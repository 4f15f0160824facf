package io.dyninka.runtime;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.runtime.RoutePlanner.Pull;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one service of a DAG does about shared steps, decided once from the manifest.
 *
 * <p>A shared step is pulled once per request by the service that {@code shares} it (its nearest
 * common downstream), before the branches; the branches get its output handed over in a {@link
 * SharedEnvelope} instead of pulling it again. A service <em>in the region</em> of a shared step
 * (downstream of the step, upstream of its sharer) therefore reads any request body as an envelope,
 * and a service sends an envelope to exactly the upstreams that are in such a region.
 */
final class Sharing {

  private final List<Pull> sharedPulls;
  private final boolean readsEnvelope;
  private final Set<String> inRegion;

  private Sharing(List<Pull> sharedPulls, boolean readsEnvelope, Set<String> inRegion) {
    this.sharedPulls = sharedPulls;
    this.readsEnvelope = readsEnvelope;
    this.inRegion = inRegion;
  }

  /** The sharing of {@code self}, or null when its app shares no step: nothing to do per call. */
  static Sharing of(AppManifest manifest, ServiceManifest self) {
    if (manifest.services().stream().allMatch(s -> s.shares().isEmpty())) {
      return null;
    }
    Map<String, Set<String>> ancestors = new HashMap<>();
    manifest.services().forEach(s -> ancestorsOf(s.name(), manifest, ancestors));
    Set<String> inRegion = new HashSet<>();
    for (ServiceManifest sharer : manifest.services()) {
      for (String step : sharer.shares()) {
        for (String between : ancestors.get(sharer.name())) {
          if (ancestors.get(between).contains(step)) {
            inRegion.add(between);
          }
        }
      }
    }
    List<Pull> sharedPulls =
        self.shares().stream()
            .map(
                step ->
                    new Pull(
                        -1,
                        new InputManifest(step, manifest.service(step).orElseThrow().output()),
                        step,
                        null))
            .toList();
    return new Sharing(sharedPulls, inRegion.contains(self.name()), Set.copyOf(inRegion));
  }

  /** The shared steps this service pulls first, once per request, upstream first. */
  List<Pull> sharedPulls() {
    return sharedPulls;
  }

  /** Whether a body this service gets is a {@link SharedEnvelope}. */
  boolean readsEnvelope() {
    return readsEnvelope;
  }

  /** Whether a pull from {@code service} carries a {@link SharedEnvelope}. */
  boolean sendsEnvelopeTo(String service) {
    return inRegion.contains(service);
  }

  private static Set<String> ancestorsOf(
      String name, AppManifest manifest, Map<String, Set<String>> memo) {
    Set<String> known = memo.get(name);
    if (known != null) {
      return known;
    }
    Set<String> all = new HashSet<>();
    ServiceManifest service =
        manifest
            .service(name)
            .orElseThrow(
                () -> new IllegalArgumentException("manifest has no upstream service " + name));
    for (InputManifest input : service.upstreamInputs()) {
      all.add(input.from());
      all.addAll(ancestorsOf(input.from(), manifest, memo));
    }
    memo.put(name, all);
    return all;
  }
}
