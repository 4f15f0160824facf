package io.dyninka.benchmarks.gateway;

import io.dyninka.benchmarks.chain.ChainProcess;
import io.dyninka.benchmarks.chain.SmartBuildingStages;
import io.dyninka.benchmarks.chain.Stage;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenFaaS-style chain of the paper's section 5.3: one JVM per function, one central gateway
 * process, and an orchestrating function (Listing 4) that calls each function in turn through the
 * gateway. A client calls the orchestrator through the gateway too, as every OpenFaaS function is
 * invoked: {@code GET /function/orchestrator}.
 *
 * <p>So one request crosses the gateway five times and makes 11 HTTP exchanges, against Dyninka's 5
 * (client, 4 services, sensor). The nested classes are the JVMs' main classes.
 */
public final class GatewayChain {

  public static final String APP = "gateway";
  public static final String GATEWAY = "gateway";
  public static final String ORCHESTRATOR = "orchestrator";

  /** Where clients call the chain, relative to the gateway's URL. */
  public static final String ENTRY_PATH = "/function/" + ORCHESTRATOR;

  private GatewayChain() {}

  /**
   * The gateway, the orchestrator, then the four functions; the gateway is the sink clients call.
   */
  public static AppManifest manifest() {
    List<ServiceManifest> services = new ArrayList<>();
    services.add(service(GATEWAY, "GatewayMain", false));
    services.add(service(ORCHESTRATOR, "OrchestratorMain", false));
    for (Stage stage : SmartBuildingStages.CHAIN) {
      String main = Character.toUpperCase(stage.name().charAt(0)) + stage.name().substring(1);
      services.add(service(stage.name(), main, stage.stateful()));
    }
    return new AppManifest(APP, GatewayChain.class.getName(), services, GATEWAY);
  }

  private static ServiceManifest service(String name, String main, boolean stateful) {
    return ServiceManifest.builder(name)
        .kubeName(name.toLowerCase())
        .mainClass(GatewayChain.class.getName() + "$" + main)
        .output("json")
        .stateful(stateful)
        .build();
  }

  static void serveFunction(Stage stage) {
    ChainProcess process = ChainProcess.fromEnvironment();
    ChainProcess.serve(
        stage.name(),
        ChainProcess.instances(stage.stateful()),
        () -> new FunctionService(stage, process.port()));
  }

  public static final class GatewayMain {
    public static void main(String[] args) {
      ChainProcess process = ChainProcess.fromEnvironment();
      ChainProcess.serve(
          GATEWAY, ChainProcess.instances(false), () -> new Gateway(process.port(), process::peer));
    }
  }

  public static final class OrchestratorMain {
    public static void main(String[] args) {
      ChainProcess process = ChainProcess.fromEnvironment();
      ChainProcess.serve(
          ORCHESTRATOR,
          ChainProcess.instances(false),
          () -> new Orchestrator(process.port(), process.peer(GATEWAY)));
    }
  }

  public static final class Get {
    public static void main(String[] args) {
      serveFunction(SmartBuildingStages.GET);
    }
  }

  public static final class FilterTemperature {
    public static void main(String[] args) {
      serveFunction(SmartBuildingStages.FILTER_TEMPERATURE);
    }
  }

  public static final class Map {
    public static void main(String[] args) {
      serveFunction(SmartBuildingStages.MAP);
    }
  }

  public static final class MovingAvg {
    public static void main(String[] args) {
      serveFunction(SmartBuildingStages.MOVING_AVG);
    }
  }
}
