package org.example.scoring;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Placed;
import io.dyninka.Service;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Order scoring as a DAG: one validated order feeds two branches, joined by the score. The shared
 * step counts its runs, and every answer says which run validated it, through both branches.
 */
public class Scoring {

  public record Order(String id, double amount, String country) {}

  /** An order as validate passed it on: {@code run} is validate's count of its own runs. */
  public record Checked(String id, double amount, String country, long run) {}

  public record Velocity(long run, double perHour) {}

  public record Bin(long run, String bank) {}

  public record Score(String id, long velocityRun, long binRun, double score) {}

  @Placed("validate")
  static long validations;

  @Service
  static Optional<Checked> validate(Order order) {
    validations++;
    if (order.amount() <= 0) {
      return Optional.empty();
    }
    return Optional.of(new Checked(order.id(), order.amount(), order.country(), validations));
  }

  @Service
  static Velocity velocity(Checked order) {
    return new Velocity(order.run(), order.amount() / 4);
  }

  @Service
  static Future<Bin> binLookup(Checked order) {
    return Future.succeededFuture(
        new Bin(order.run(), order.country().equals("FR") ? "bank-fr" : "bank-other"));
  }

  @Service
  static Score score(Velocity velocity, Bin bin) {
    double risk = velocity.perHour() * (bin.bank().equals("bank-fr") ? 1 : 2);
    return new Score(
        "s-" + velocity.run(), velocity.run(), bin.run(), Math.round(risk * 100) / 100.0);
  }

  @Dataflow
  static Flow<Score> scoring() {
    Flow<Checked> valid = Flow.input(Order.class).thenOptional(Scoring::validate);
    return Flow.zip(
        valid.then(Scoring::velocity), valid.thenAsync(Scoring::binLookup), Scoring::score);
  }
}
