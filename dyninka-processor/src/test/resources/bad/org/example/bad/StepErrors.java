package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;
import java.util.function.Function;

/** Steps that are not references to @Service methods. */
public class StepErrors {
  @Service
  static int one() {
    return 1;
  }

  static int helper(int x) {
    return x;
  }

  @Service
  static int inc(int x) {
    return x + 1;
  }

  @Service(name = "pick-int")
  static int pick(int x) {
    return x;
  }

  @Service(name = "pick-long")
  static int pick(long x) {
    return (int) x;
  }

  @Dataflow(name = "ambiguous")
  static Flow<Integer> ambiguous() {
    return Flow.from(StepErrors::one).then(StepErrors::pick);
  }

  @Dataflow(name = "lambda")
  static Flow<Integer> lambda() {
    return Flow.from(StepErrors::one).then(x -> x + 1);
  }

  @Dataflow(name = "not-a-service")
  static Flow<Integer> notAService() {
    return Flow.from(StepErrors::one).then(StepErrors::helper);
  }

  @Dataflow(name = "variable")
  static Flow<Integer> variable() {
    Function<Integer, Integer> step = StepErrors::inc;
    return Flow.from(StepErrors::one).then(step);
  }

  @Dataflow(name = "unknown-method")
  static Flow<Integer> unknownMethod() {
    return Flow.from(StepErrors::one).then(StepErrors::missing);
  }

  @Dataflow(name = "unknown-type")
  static Flow<Integer> unknownType() {
    return Flow.from(StepErrors::one).then(Nowhere::inc);
  }
}
