package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;
import io.vertx.core.Future;
import java.util.Optional;

/** Steps whose Flow method does not fit what the service returns. */
public class StepKinds {
  @Service
  static int one() {
    return 1;
  }

  @Service
  static Future<Integer> later() {
    return Future.succeededFuture(1);
  }

  @Service
  static Future<Integer> laterInc(int x) {
    return Future.succeededFuture(x + 1);
  }

  @Service
  static Optional<Integer> maybeInc(int x) {
    return Optional.of(x + 1);
  }

  @Service
  static int inc(int x) {
    return x + 1;
  }

  @Service
  static Future<Integer> sum(int a, int b) {
    return Future.succeededFuture(a + b);
  }

  @Dataflow(name = "then-on-future")
  static Flow<Future<Integer>> thenOnFuture() {
    return Flow.from(StepKinds::one).then(StepKinds::laterInc);
  }

  @Dataflow(name = "then-on-optional")
  static Flow<Optional<Integer>> thenOnOptional() {
    return Flow.from(StepKinds::one).then(StepKinds::maybeInc);
  }

  @Dataflow(name = "then-async-on-value")
  static Flow<Integer> thenAsyncOnValue() {
    return Flow.from(StepKinds::one).thenAsync(StepKinds::inc);
  }

  @Dataflow(name = "then-optional-on-value")
  static Flow<Integer> thenOptionalOnValue() {
    return Flow.from(StepKinds::one).thenOptional(StepKinds::inc);
  }

  @Dataflow(name = "from-on-future")
  static Flow<Future<Integer>> fromOnFuture() {
    return Flow.from(StepKinds::later);
  }

  @Dataflow(name = "from-async-on-value")
  static Flow<Integer> fromAsyncOnValue() {
    return Flow.fromAsync(StepKinds::one);
  }

  @Dataflow(name = "zip-on-future")
  static Flow<Future<Integer>> zipOnFuture() {
    return Flow.zip(Flow.from(StepKinds::one), Flow.fromAsync(StepKinds::later), StepKinds::sum);
  }

  @Dataflow(name = "arity")
  static Flow<Integer> arity() {
    return Flow.fromAsync(StepKinds::laterInc);
  }
}
