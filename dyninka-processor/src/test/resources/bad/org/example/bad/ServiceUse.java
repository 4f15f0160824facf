package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;

/** Services used twice, and two services under one name. */
public class ServiceUse {
  @Service
  static int one() {
    return 1;
  }

  @Service
  static int inc(int x) {
    return x + 1;
  }

  @Service(name = "twice")
  static int doubled(int x) {
    return 2 * x;
  }

  @Service
  static int twice(int x) {
    return 2 * x;
  }

  @Service(name = "Inc")
  static int incAgain(int x) {
    return x + 1;
  }

  @Dataflow(name = "used-twice")
  static Flow<Integer> usedTwice() {
    return Flow.from(ServiceUse::one)
        .then(ServiceUse::inc)
        .then(ServiceUse::inc); // again
  }

  @Dataflow(name = "one-name")
  static Flow<Integer> oneName() {
    return Flow.from(ServiceUse::one)
        .then(ServiceUse::doubled)
        .then(ServiceUse::twice); // same name
  }

  @Dataflow(name = "one-kube-name")
  static Flow<Integer> oneKubeName() {
    return Flow.from(ServiceUse::one)
        .then(ServiceUse::inc)
        .then(ServiceUse::incAgain); // same kube name
  }
}
