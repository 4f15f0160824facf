package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;

/** Service names with a typo, where a step looks them up. */
public class Typos {
  @Service
  static int one() {
    return 1;
  }

  @Service(name = "increment")
  static int inc(int x) {
    return x + 1;
  }

  @Dataflow(name = "named", steps = {"one", "incremnt"})
  static void named() {}

  @Dataflow(name = "referenced")
  static Flow<Integer> referenced() {
    return Flow.from(Typos::one).then(Typos::incc);
  }
}
