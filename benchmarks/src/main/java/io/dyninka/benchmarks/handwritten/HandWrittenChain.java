package io.dyninka.benchmarks.handwritten;

import io.dyninka.benchmarks.chain.ChainProcess;
import io.dyninka.benchmarks.chain.SmartBuildingStages;
import io.dyninka.benchmarks.chain.Stage;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The practical limit: the smart-building chain as four hand-written Vert.x services, each its own
 * JVM, each pulling its upstream like a Dyninka service does ({@code movingAvg → map →
 * filterTemperature → get → sensor}), with no Dyninka runtime on the request path.
 *
 * <p>The nested classes are the JVMs' main classes; {@link #manifest()} describes them so the
 * runner starts them with {@code LocalLauncher}, like the Dyninka services.
 */
public final class HandWrittenChain {

  public static final String APP = "hand-written";

  private HandWrittenChain() {}

  /** The four services, head first, and the sink (movingAvg) that clients call. */
  public static AppManifest manifest() {
    List<ServiceManifest> services = new ArrayList<>();
    for (Stage stage : SmartBuildingStages.CHAIN) {
      String main =
          HandWrittenChain.class.getName()
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
        APP, HandWrittenChain.class.getName(), services, SmartBuildingStages.MOVING_AVG.name());
  }

  static void serve(Stage stage, Stage upstream) {
    ChainProcess process = ChainProcess.fromEnvironment();
    URI upstreamUrl = upstream == null ? null : process.peer(upstream.name());
    ChainProcess.serve(
        stage.name(),
        ChainProcess.instances(stage.stateful()),
        () -> new PullService(stage, process.port(), upstreamUrl));
  }

  /** The head: calls the sensor endpoint ({@code SENSOR_URL}). */
  public static final class Get {
    public static void main(String[] args) {
      serve(SmartBuildingStages.GET, null);
    }
  }

  public static final class FilterTemperature {
    public static void main(String[] args) {
      serve(SmartBuildingStages.FILTER_TEMPERATURE, SmartBuildingStages.GET);
    }
  }

  public static final class Map {
    public static void main(String[] args) {
      serve(SmartBuildingStages.MAP, SmartBuildingStages.FILTER_TEMPERATURE);
    }
  }

  /** The sink. */
  public static final class MovingAvg {
    public static void main(String[] args) {
      serve(SmartBuildingStages.MOVING_AVG, SmartBuildingStages.MAP);
    }
  }
}
