package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;

/** A lambda written where the @Service it replaced belongs. */
public class LambdaInstead {
  @Service
  static int one() {
    return 1;
  }

  @Service
  static int inc(int x) {
    return x + 1;
  }

  @Dataflow
  static Flow<Integer> lambda() {
    return Flow.from(LambdaInstead::one).then(x -> x + 1);
  }
}
