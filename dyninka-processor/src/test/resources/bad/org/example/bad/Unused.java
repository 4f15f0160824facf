package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;

/** A @Service that no flow uses. */
public class Unused {
  @Service
  static int one() {
    return 1;
  }

  @Service
  static int forgotten(int x) {
    return x;
  }

  @Dataflow
  static Flow<Integer> unused() {
    return Flow.from(Unused::one);
  }
}
