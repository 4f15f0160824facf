package org.example.dag;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;
import io.vertx.core.Future;
import java.util.Optional;

/** Order scoring: one validated order feeds two branches, joined by the score. */
public class Scoring {
  public record Order(String id, double amount) {}

  @Service
  static Optional<Order> validate(Order order) {
    return order.amount() > 0 ? Optional.of(order) : Optional.empty();
  }

  @Service
  static double velocity(Order order) {
    return order.amount() / 10;
  }

  @Service
  static Future<String> binLookup(Order order) {
    return Future.succeededFuture("bin-" + order.id());
  }

  @Service
  static String score(double velocity, String bin) {
    return bin + ":" + velocity;
  }

  @Service
  static String label(String score) {
    return "[" + score + "]";
  }

  @Dataflow
  static Flow<String> scoring() {
    Flow<Order> valid = Flow.input(Order.class).thenOptional(Scoring::validate);
    return Flow.zip(valid.then(Scoring::velocity), valid.thenAsync(Scoring::binLookup), Scoring::score)
        .then(Scoring::label);
  }
}
