package org.example.split;

import io.dyninka.Placed;
import io.dyninka.Service;
import io.vertx.core.Future;
import java.util.Optional;

/** {@link Pipeline}'s services after an edit that its chain no longer fits: total is async now. */
class Steps {
  record Item(String name, double price) {}

  record Total(double sum, long items) {}

  @Placed("total")
  static double sum;

  @Placed("total")
  static long items;

  @Service
  static Optional<Item> keep(Item item) {
    return item.price() > 0 ? Optional.of(item) : Optional.empty();
  }

  @Service
  static Future<Item> enrich(Item item) {
    return Future.succeededFuture(new Item(item.name().trim(), item.price()));
  }

  @Service(blocking = true)
  static Future<Total> total(Item item) {
    sum += item.price();
    items++;
    return Future.succeededFuture(new Total(sum, items));
  }
}
