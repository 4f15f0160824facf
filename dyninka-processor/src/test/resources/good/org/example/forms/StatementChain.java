package org.example.forms;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;

/** The chain is an expression statement of a void method. */
public class StatementChain {
  @Service
  static int one() {
    return 1;
  }

  @Service
  static int twice(int x) {
    return 2 * x;
  }

  @Dataflow
  static void app() {
    Flow.from(StatementChain::one).then(StatementChain::twice);
  }
}
