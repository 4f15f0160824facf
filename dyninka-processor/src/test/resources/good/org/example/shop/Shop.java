package org.example.shop;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Placed;
import io.dyninka.Service;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A shop: the request body is an order, priced against a price list fetched concurrently. */
public class Shop {
  public record Line(String sku, int quantity) {}

  public record Order(String customer, List<Line> lines) {}

  public record Priced(Order order, double total) {}

  public record Receipt(String customer, double total, long number) {}

  @Placed("receipt")
  static long issued = 0;

  @Service
  static Optional<Order> validate(Order order) {
    return order.lines().isEmpty() ? Optional.empty() : Optional.of(order);
  }

  @Service(name = "prices")
  static Future<Map<String, Double>> priceList() {
    return Future.succeededFuture(Map.of("apple", 0.5, "pear", 0.75));
  }

  @Service
  static Priced price(Order order, Map<String, Double> prices) {
    double total = 0;
    for (Line line : order.lines()) {
      total += prices.getOrDefault(line.sku(), 0.0) * line.quantity();
    }
    return new Priced(order, total);
  }

  @Service
  static Receipt receipt(Priced priced) {
    issued++;
    return new Receipt(priced.order().customer(), priced.total(), issued);
  }

  @Service(blocking = true)
  static List<Receipt> archive(Receipt receipt) {
    return List.of(receipt); // stands for a write to a database

  }

  @Dataflow(name = "shop")
  static Flow<List<Receipt>> checkout() {
    return Flow.zip(
            Flow.input(Order.class).thenOptional(Shop::validate),
            Flow.fromAsync(Shop::priceList),
            Shop::price)
        .then(Shop::receipt)
        .then(Shop::archive);
  }
}
