package io.dyninka.benchmarks.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.example.orders.OrderFunctions;
import org.example.orders.Orders.Order;
import org.example.orders.Orders.Priced;

/**
 * The five orders functions as baseline stages: the user's code, its records read and written by
 * one plain Jackson {@link ObjectMapper}, as a Vert.x developer would do it by hand.
 */
public final class OrdersStages {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static final FanInStage VALIDATE =
      new FanInStage(
          "validate",
          false,
          List.of(),
          in -> write(OrderFunctions.validate(read(in.get(0), Order.class))));

  public static final FanInStage SKIP_FREE =
      new FanInStage(
          "skipFree",
          false,
          List.of("validate"),
          in ->
              OrderFunctions.skipFree(read(in.get(0), Order.class))
                  .map(OrdersStages::write)
                  .orElse(null));

  public static final FanInStage PRICE =
      new FanInStage(
          "price",
          false,
          List.of("skipFree"),
          in -> write(OrderFunctions.price(read(in.get(0), Order.class))));

  public static final FanInStage VAT_RATE =
      new FanInStage(
          "vatRate",
          false,
          List.of(),
          in -> write(OrderFunctions.vatRate(read(in.get(0), Order.class))));

  /** Numbers its invoices, so it is stateful: one instance, like Dyninka's invoice service. */
  public static final FanInStage INVOICE =
      new FanInStage(
          "invoice",
          true,
          List.of("price", "vatRate"),
          in ->
              write(
                  OrderFunctions.invoice(
                      read(in.get(0), Priced.class), read(in.get(1), Double.class))));

  /** Head first, like the Dyninka manifest; the last is the sink. */
  public static final List<FanInStage> FLOW =
      List.of(VALIDATE, SKIP_FREE, PRICE, VAT_RATE, INVOICE);

  private OrdersStages() {}

  /** A body that is not a valid value: Jackson's exception, which the service answers with 400. */
  static <T> T read(Buffer json, Class<T> type) {
    try {
      return JSON.readValue(json.getBytes(), type);
    } catch (IOException e) {
      throw new BadInput(e.getMessage());
    }
  }

  static Buffer write(Object value) {
    try {
      return Buffer.buffer(JSON.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request body (or an upstream's answer) is not JSON of the expected type. */
  public static final class BadInput extends RuntimeException {
    BadInput(String message) {
      super(message);
    }
  }
}
