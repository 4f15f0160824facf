package org.example.bad;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;
import io.vertx.core.Future;

/** Steps whose services do not take what the flow before them yields. */
public class StepInputs {
  public record Order(String id) {}

  public record Rate(double value) {}

  public record Quote(double price) {}

  public record Score(double value) {}

  @Service
  static Rate rate() {
    return new Rate(1.1);
  }

  @Service
  static Score score(Order order, Rate rate) {
    return new Score(rate.value());
  }

  @Dataflow(name = "swapped")
  static Flow<Score> swapped() {
    Flow<Rate> rate = Flow.from(StepInputs::rate);
    Flow<Order> order = Flow.input(Order.class);
    return Flow.zip(rate, order, StepInputs::score);
  }

  @Service
  static Quote quote(Order order) {
    return new Quote(2.0);
  }

  @Service
  static String invoice(Order order) {
    return "invoice " + order.id();
  }

  @Dataflow(name = "then-mismatch")
  static Flow<String> thenMismatch() {
    return Flow.input(Order.class)
        .then(StepInputs::quote)
        .then(StepInputs::invoice);
  }

  @Service
  static Future<Quote> laterQuote() {
    return Future.succeededFuture(new Quote(3.0));
  }

  @Service
  static Rate rateOf(Order order) {
    return new Rate(1.0);
  }

  @Service
  static Score scoreAgain(Order order, Rate rate) {
    return new Score(rate.value());
  }

  @Dataflow(name = "zip-mismatch")
  static Flow<Score> zipMismatch() {
    var quote = Flow.fromAsync(StepInputs::laterQuote);
    return Flow.zip(quote, Flow.input(Order.class).then(StepInputs::rateOf), StepInputs::scoreAgain);
  }

  @Service
  static String shipping(Order order) {
    return "ship " + order.id();
  }

  @Dataflow(name = "input-mismatch")
  static Flow<String> inputMismatch() {
    return Flow.input(Quote.class).then(StepInputs::shipping);
  }

  @Service
  static Quote price(Order order) {
    return new Quote(4.0);
  }

  @Service
  static String receipt(Order order) {
    return "receipt " + order.id();
  }

  @Dataflow(name = "steps-mismatch", steps = {"price", "receipt"})
  static void stepsMismatch() {}
}
