package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Service;
import java.util.Optional;

/** @Dataflow(steps) naming services that do not fit. */
public class NamedSteps {
  @Service
  static int one() {
    return 1;
  }

  @Service
  static Optional<Integer> maybe() {
    return Optional.of(1);
  }

  @Service
  static int pair(int a, int b) {
    return a + b;
  }

  @Dataflow(name = "unknown", steps = {"one", "nope"})
  static void unknown() {}

  @Dataflow(name = "fan-in", steps = {"one", "pair"})
  static void fanIn() {}

  @Dataflow(name = "optional-source", steps = {"maybe"})
  static void optionalSource() {}
}
