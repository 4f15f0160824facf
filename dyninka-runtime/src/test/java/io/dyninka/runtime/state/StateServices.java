package io.dyninka.runtime.state;

import io.dyninka.Dyninka;
import io.dyninka.runtime.ServiceFunction;
import io.dyninka.runtime.ServiceHost;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stateful services of the state tests' app ({@code META-INF/dyninka/state.json}), each run as
 * its own JVM: {@code main(app, service)} plays the part of a generated service class, and the
 * fields below are its {@code @Placed} state.
 */
public final class StateServices {

  /** The last invoice number handed out. */
  static long issued;

  /** Visits per visitor: keyed state. */
  static Map<String, Integer> visits = new HashMap<>();

  /** A running total, and every amount added to it. */
  static long total;

  static List<Long> history = new ArrayList<>();

  /** A counter an asynchronous function increments after a timer. */
  static long late;

  private StateServices() {}

  /** {@code invoice}: the next invoice number. */
  static long invoice() {
    return ++issued;
  }

  /** {@code visits}: one more visit of {@code visitor}, and how many it made. */
  static int visit(String visitor) {
    return visits.merge(visitor, 1, Integer::sum);
  }

  /**
   * {@code tally}: adds {@code amount} to the total; a negative amount is refused, after the
   * function has already changed both fields, so that a failure with changes in hand is tested.
   */
  static long tally(long amount) {
    total += amount;
    history.add(amount);
    if (amount < 0) {
      throw new IllegalArgumentException("negative amount " + amount);
    }
    return total;
  }

  /** {@code later}: reads the counter, waits a little, then increments what it read. */
  static Future<Long> later() {
    long seen = late;
    Promise<Long> promise = Promise.promise();
    Dyninka.vertx()
        .setTimer(
            5,
            id -> {
              late = seen + 1;
              promise.complete(late);
            });
    return promise.future();
  }

  public static void main(String[] args) {
    String service = args[1];
    ServiceFunction function =
        switch (service) {
          case "invoice" -> in -> invoice();
          case "visits" -> in -> visit(in.get(0));
          case "tally" -> in -> tally(in.<Long>get(0));
          case "later" -> in -> later();
          default -> throw new IllegalArgumentException("no state service " + service);
        };
    ServiceHost.main(args[0], service, function);
  }
}
