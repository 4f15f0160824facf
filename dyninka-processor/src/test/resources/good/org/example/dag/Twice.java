package org.example.dag;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;

/** A variable fed straight into both inputs of a zip, and one used once (no sharing). */
public class Twice {
  @Service
  static int one() {
    return 1;
  }

  @Service
  static int inc(int x) {
    return x + 1;
  }

  @Service
  static int sum(int a, int b) {
    return a + b;
  }

  @Dataflow
  static Flow<Integer> twice() {
    var base = Flow.from(Twice::one);
    Flow<Integer> more = base.then(Twice::inc);
    return Flow.zip(more, more, Twice::sum);
  }
}
