package io.dyninka.benchmarks.jmh;

import io.dyninka.benchmarks.chain.ChainProcess;
import io.dyninka.benchmarks.chain.SmartBuildingStages;
import io.dyninka.benchmarks.client.BlockingHttp;
import io.dyninka.benchmarks.handwritten.PullService;
import io.dyninka.runtime.HostConfig;
import io.dyninka.runtime.ServiceHost;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.example.building.ChainFunctions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One hop's cost, over real loopback HTTP: a client calls a service that pulls a reading from an
 * upstream stub, runs {@code map}, and answers. The service is either a Dyninka service host
 * (router, body handler, route planning, Jackson codec, traceparent, validated Server-Timing,
 * problem handling) or the hand-written chain's bare Vert.x handler doing the same call.
 *
 * <p>{@code dyninkaHop − bareHop} is the Dyninka runtime's overhead per hop; {@code bareHop −
 * upstreamOnly} is what one more HTTP hop costs at all. Single-threaded latency: one request in
 * flight, so no queueing hides the per-request work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
// Dyninka's default service flags (JvmFlags.defaults()), so the hop runs as it does in a service.
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:MaxRAM=1g", "-Xss512k", "-XX:CICompilerCount=2"})
public class HopBenchmark {

  private Vertx vertx;
  private BlockingHttp client;
  private int upstreamPort;
  private int dyninkaPort;
  private int barePort;

  @Setup(Level.Trial)
  public void start() {
    vertx = Vertx.vertx();
    UpstreamStub stub = new UpstreamStub();
    vertx.deployVerticle(stub).await();
    upstreamPort = stub.port();
    String peers = HopFixture.UPSTREAM + "=http://" + ChainProcess.HOST + ":" + upstreamPort;
    dyninkaPort =
        ServiceHost.start(
                vertx,
                HopFixture.manifest(),
                HopFixture.SERVICE,
                arguments -> ChainFunctions.map(arguments.get(0)),
                HostConfig.defaults(Map.of("DYNINKA_PEERS", peers)),
                1)
            .await()
            .port();
    PullService bare =
        new PullService(
            SmartBuildingStages.MAP,
            0,
            URI.create("http://" + ChainProcess.HOST + ":" + upstreamPort));
    vertx.deployVerticle(bare).await();
    barePort = bare.actualPort();
    client = new BlockingHttp(vertx);
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    vertx.close().await();
  }

  /** The floor: the client calls the stub directly, one HTTP exchange. */
  @Benchmark
  public int upstreamOnly() {
    return call(upstreamPort);
  }

  /** The bare Vert.x handler: two HTTP exchanges, hand-written JSON, no framework. */
  @Benchmark
  public int bareHop() {
    return call(barePort);
  }

  /** The same hop through the Dyninka service host. */
  @Benchmark
  public int dyninkaHop() {
    return call(dyninkaPort);
  }

  private int call(int port) {
    BlockingHttp.Answer answer = client.get(ChainProcess.HOST, port, "/");
    return answer.status() * 1000 + answer.bodyLength();
  }
}
