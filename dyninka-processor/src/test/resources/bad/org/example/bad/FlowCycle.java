package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;

/** A Flow variable that feeds itself (javac rejects it too, later; the processor says why). */
public class FlowCycle {
  @Service
  static int grow(int x) {
    return x + 1;
  }

  @Dataflow(name = "cycle")
  static Flow<Integer> cycle() {
    Flow<Integer> loop = loop.then(FlowCycle::grow); // cycle
    return loop;
  }
}
