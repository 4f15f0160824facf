package io.dyninka.manifest;

import java.util.List;

/** A grouping spec that cannot be placed: every problem of it, each naming the name at fault. */
public final class PlacementException extends IllegalArgumentException {

  private final List<String> problems;

  PlacementException(String spec, List<String> problems) {
    super("-Ddyninka.colocate=" + spec + " cannot be placed: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem on its own, in the order of the spec. */
  public List<String> problems() {
    return problems;
  }
}
