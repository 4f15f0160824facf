package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;

/** @Dataflow methods whose body is not one chain. */
public class ChainShapes {
  @Service
  static int one() {
    return 1;
  }

  @Service
  static int inc(int x) {
    return x + 1;
  }

  @Service
  static int twice(int x) {
    return 2 * x;
  }

  @Dataflow(name = "no-chain")
  static Flow<Integer> noChain() {
    return null;
  }

  @Dataflow(name = "two-chains")
  static Flow<Integer> twoChains() {
    Flow.from(ChainShapes::one).then(ChainShapes::inc);
    return Flow.from(ChainShapes::one).then(ChainShapes::twice); // second
  }

  @Dataflow(name = "field-head")
  static Flow<Integer> fieldHead() {
    return HEAD.then(ChainShapes::twice); // field
  }

  static final Flow<Integer> HEAD = null;

  @Dataflow(name = "only-input")
  static Flow<Integer> onlyInput() {
    return Flow.input(Integer.class);
  }
}
