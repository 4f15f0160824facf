package org.example.orders;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Placed;
import io.dyninka.Service;
import java.util.Optional;

/** An order-pricing app: a filtered linear branch and a second branch that meet in a fan-in. */
public class Orders {

  public record Order(String id, int quantity, double unitPrice, String country) {}

  public record Priced(String id, double net) {}

  public record Invoice(String id, double net, double vat, double total, long number) {}

  @Placed("invoice")
  static long issued;

  @Service
  static Order validate(Order order) {
    if (order.quantity() <= 0) {
      throw new IllegalArgumentException("quantity must be positive, was " + order.quantity());
    }
    return order;
  }

  @Service
  static Optional<Order> skipFree(Order order) {
    return order.unitPrice() == 0 ? Optional.empty() : Optional.of(order);
  }

  @Service
  static Priced price(Order order) {
    return new Priced(order.id(), order.quantity() * order.unitPrice());
  }

  @Service
  static double vatRate(Order order) {
    return switch (order.country()) {
      case "FR" -> 0.20;
      case "DE" -> 0.19;
      default -> 0.0;
    };
  }

  @Service
  static Invoice invoice(Priced priced, double rate) {
    issued++;
    double vat = Math.round(priced.net() * rate * 100) / 100.0;
    return new Invoice(priced.id(), priced.net(), vat, priced.net() + vat, issued);
  }

  @Dataflow
  static Flow<Invoice> orders() {
    return Flow.zip(
        Flow.input(Order.class)
            .then(Orders::validate)
            .thenOptional(Orders::skipFree)
            .then(Orders::price),
        Flow.input(Order.class).then(Orders::vatRate),
        Orders::invoice);
  }
}
