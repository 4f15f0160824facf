package org.example.dagsplit;

import io.dyninka.Dataflow;
import io.dyninka.Flow;

/** A DAG whose services all live in another class. */
public class Fraud {
  @Dataflow
  static Flow<String> fraud() {
    Flow<Integer> checked = Flow.input(Integer.class).thenOptional(FraudSteps::check);
    return Flow.zip(
        checked.then(FraudSteps::rate), checked.then(FraudSteps::bank), FraudSteps::verdict);
  }
}
