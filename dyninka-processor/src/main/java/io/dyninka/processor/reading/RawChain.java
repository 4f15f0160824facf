package io.dyninka.processor.reading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

  /**
   * Every step in data order: upstream first, the two branches of a zip before its function. The
   * steps of a {@link FlowVariable} come once, at its first use, however often it is used.
   */
  public List<RawStep> allSteps() {
    List<RawStep> all = new ArrayList<>();
    collect(this, all, new LinkedHashSet<>());
    return all;
  }

  /** Every variable the chain uses, each once, in the order of their first use. */
  public List<FlowVariable> variables() {
    // FlowVariable keeps Object's identity equality: a set of them is a set of variables.
    Set<FlowVariable> seen = new LinkedHashSet<>();
    collect(this, new ArrayList<>(), seen);
    return List.copyOf(seen);
  }

  private static void collect(RawChain chain, List<RawStep> into, Set<FlowVariable> seen) {
    // Java 17 has no pattern switch: the heads are told apart with instanceof.
    if (chain.head() instanceof RawHead.Source source) {
      into.add(source.step());
    } else if (chain.head() instanceof RawHead.Zip zip) {
      collect(zip.first(), into, seen);
      collect(zip.second(), into, seen);
      into.add(zip.join());
    } else if (chain.head() instanceof RawHead.Variable use
        && use.variable().chain() != null
        && seen.add(use.variable())) {
      collect(use.variable().chain(), into, seen);
    }
    into.addAll(chain.steps());
  }
}
