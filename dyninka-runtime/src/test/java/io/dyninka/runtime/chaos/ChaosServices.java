package io.dyninka.runtime.chaos;

import io.dyninka.runtime.ServiceFunction;
import io.dyninka.runtime.ServiceHost;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.NullMarked;

/**
 * The services of the chaos and fuzz test apps, each run as its own JVM by {@link ServiceJvm}:
 * {@code main(app, service)} plays the part of a generated service class. Their types are
 * {@code @NullMarked}: a null anywhere in an order is refused with 400 before {@code total} sees
 * it.
 */
@NullMarked
public final class ChaosServices {

  public record Line(String sku, int quantity, double price) {}

  public record Order(String id, List<Line> lines) {}

  private static final AtomicInteger next = new AtomicInteger();

  private ChaosServices() {}

  public static void main(String[] args) {
    String app = args[0];
    String service = args[1];
    long delay = Long.getLong("chaos.delay.ms", 0);
    ServiceFunction function =
        switch (service) {
          case "source" ->
              in -> {
                if (delay > 0) {
                  Thread.sleep(delay);
                }
                return next.incrementAndGet();
              };
          case "twice" -> in -> in.<Integer>get(0) * 2;
          case "sink" -> in -> in.<Integer>get(0) + 1;
          case "parse" -> in -> in.<Order>get(0);
          case "total" ->
              in ->
                  in.<Order>get(0).lines().stream()
                      .mapToDouble(l -> l.quantity() * l.price())
                      .sum();
          default -> throw new IllegalArgumentException("no chaos service " + service);
        };
    ServiceHost.main(app, service, function);
  }
}
