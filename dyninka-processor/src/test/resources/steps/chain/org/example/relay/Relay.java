package org.example.relay;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;
import io.vertx.core.Future;
import java.util.Optional;

public class Relay {
  @Service
  static int parse(String body) {
    return Integer.parseInt(body.trim());
  }

  @Service
  static Optional<Integer> positive(int x) {
    return x > 0 ? Optional.of(x) : Optional.empty();
  }

  @Service
  static Future<Long> square(int x) {
    return Future.succeededFuture((long) x * x);
  }

  @Dataflow
  static Flow<Long> relay() {
    return Flow.input(String.class)
        .then(Relay::parse)
        .thenOptional(Relay::positive)
        .thenAsync(Relay::square);
  }
}
