package io.dyninka.processor.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain as written: a head and the {@code then} steps after it.
 *
 * @param site the whole chain expression
 */
public record RawChain(RawHead head, List<RawStep> steps, SourceSite site) {

  public RawChain {
    steps = List.copyOf(steps);
  }

  RawChain plus(RawStep step, SourceSite wholeChain) {
    List<RawStep> longer = new ArrayList<>(steps);
    longer.add(step);
    return new RawChain(head, longer, wholeChain);
  }

  /** Every step in data order: upstream first, the two branches of a zip before its function. */
  public List<RawStep> allSteps() {
    List<RawStep> all = new ArrayList<>();
    collect(this, all);
    return all;
  }

  private static void collect(RawChain chain, List<RawStep> into) {
    // Java 17 has no pattern switch: the heads are told apart with instanceof.
    if (chain.head() instanceof RawHead.Source source) {
      into.add(source.step());
    } else if (chain.head() instanceof RawHead.Zip zip) {
      collect(zip.first(), into);
      collect(zip.second(), into);
      into.add(zip.join());
    }
    into.addAll(chain.steps());
  }
}
