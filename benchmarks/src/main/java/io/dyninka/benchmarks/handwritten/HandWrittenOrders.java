package io.dyninka.benchmarks.handwritten;

import io.dyninka.benchmarks.chain.ChainProcess;
import io.dyninka.benchmarks.chain.FanInStage;
import io.dyninka.benchmarks.chain.OrdersStages;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The orders app's hand-written twin: five Vert.x + Jackson services, each its own JVM, doing the
 * protocol work of the Dyninka app (the POST body forwarded up to both heads, {@code invoice}'s two
 * inputs pulled concurrently, records as JSON, pooled keep-alive connections) with no Dyninka
 * runtime on the request path.
 *
 * <p>The nested classes are the JVMs' main classes; {@link #manifest()} describes them so the
 * runner starts them with {@code LocalLauncher}, like the Dyninka services.
 */
public final class HandWrittenOrders {

  public static final String APP = "hand-written-orders";

  private HandWrittenOrders() {}

  /** The five services, heads and chain in the Dyninka manifest's order, and the sink, invoice. */
  public static AppManifest manifest() {
    List<ServiceManifest> services = new ArrayList<>();
    for (FanInStage stage : OrdersStages.FLOW) {
      String main =
          HandWrittenOrders.class.getName()
              + "$"
              + Character.toUpperCase(stage.name().charAt(0))
              + stage.name().substring(1);
      services.add(
          ServiceManifest.builder(stage.name())
              .kubeName(stage.name().toLowerCase())
              .mainClass(main)
              .output("json")
              .stateful(stage.stateful())
              .build());
    }
    return new AppManifest(
        APP, HandWrittenOrders.class.getName(), services, OrdersStages.INVOICE.name());
  }

  static void serve(FanInStage stage) {
    ChainProcess process = ChainProcess.fromEnvironment();
    List<URI> upstreams = stage.upstreams().stream().map(process::peer).toList();
    ChainProcess.serve(
        stage.name(),
        ChainProcess.instances(stage.stateful()),
        () -> new FanInService(stage, process.port(), upstreams));
  }

  /** A head: reads the order from the request body. */
  public static final class Validate {
    public static void main(String[] args) {
      serve(OrdersStages.VALIDATE);
    }
  }

  public static final class SkipFree {
    public static void main(String[] args) {
      serve(OrdersStages.SKIP_FREE);
    }
  }

  public static final class Price {
    public static void main(String[] args) {
      serve(OrdersStages.PRICE);
    }
  }

  /** The other head. */
  public static final class VatRate {
    public static void main(String[] args) {
      serve(OrdersStages.VAT_RATE);
    }
  }

  /** The sink: pulls price and vatRate at once. */
  public static final class Invoice {
    public static void main(String[] args) {
      serve(OrdersStages.INVOICE);
    }
  }
}
