package org.example.orders;

import java.util.Optional;
import org.example.orders.Orders.Invoice;
import org.example.orders.Orders.Order;
import org.example.orders.Orders.Priced;

/**
 * The orders functions, opened to the hand-written twin.
 *
 * <p>The {@code @Service} methods are package-private, as a user writes them; this class lives in
 * their package so that the twin calls exactly the code the Dyninka services call (the it-tests'
 * {@code Orders}, compiled into this module), not a copy of it.
 */
public final class OrderFunctions {

  private OrderFunctions() {}

  /** Throws {@link IllegalArgumentException} for a quantity that is not positive. */
  public static Order validate(Order order) {
    return Orders.validate(order);
  }

  public static Optional<Order> skipFree(Order order) {
    return Orders.skipFree(order);
  }

  public static Priced price(Order order) {
    return Orders.price(order);
  }

  public static double vatRate(Order order) {
    return Orders.vatRate(order);
  }

  /** Counts the invoices it issued, like the user's method: its caller runs one call at a time. */
  public static Invoice invoice(Priced priced, double rate) {
    return Orders.invoice(priced, rate);
  }
}
