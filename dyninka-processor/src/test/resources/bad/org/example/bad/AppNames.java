package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;

/** App names that Kubernetes refuses, and one name for two apps. */
public class AppNames {
  @Service
  static int one() {
    return 1;
  }

  @Service
  static int two() {
    return 2;
  }

  @Service
  static int three() {
    return 3;
  }

  @Dataflow(name = "Smart_Building")
  static Flow<Integer> invalid() {
    return Flow.from(AppNames::one);
  }

  @Dataflow
  static Flow<Integer> first() {
    return Flow.from(AppNames::two);
  }

  @Dataflow
  static Flow<Integer> second() { // the default name again
    return Flow.from(AppNames::three);
  }
}
