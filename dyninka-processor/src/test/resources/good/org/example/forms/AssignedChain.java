package org.example.forms;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;

/** The chain is assigned to a local, then returned. */
public class AssignedChain {
  @Service
  static int one() {
    return 1;
  }

  @Service
  static int twice(int x) {
    return 2 * x;
  }

  @Dataflow
  static Flow<Integer> app() {
    Flow<Integer> flow = Flow.from(AssignedChain::one).then(AssignedChain::twice);
    return flow;
  }
}
