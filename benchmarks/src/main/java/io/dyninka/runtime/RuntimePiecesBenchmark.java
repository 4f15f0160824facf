package io.dyninka.runtime;

import com.fasterxml.jackson.databind.JavaType;
import io.dyninka.benchmarks.chain.ChainJson;
import io.dyninka.benchmarks.jmh.HopFixture;
import io.dyninka.manifest.AppManifest;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request pieces of a Dyninka hop, without sockets, each next to what the hand-written
 * chain does instead. White-box: it sits in the runtime's package to reach its package-private
 * classes, so a change of those may need a change here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:MaxRAM=1g", "-Xss512k", "-XX:CICompilerCount=2"})
public class RuntimePiecesBenchmark {

  private JsonCodec codec;
  private JavaType readingType;
  private Buffer readingJson;
  private RoutePlanner planner;

  @Setup
  public void setUp() {
    codec = new JsonCodec();
    readingType = codec.type(HopFixture.READING_TYPE);
    readingJson = HopFixture.readingJson();
    AppManifest manifest = HopFixture.manifest();
    planner = new RoutePlanner(manifest, manifest.service(HopFixture.SERVICE).orElseThrow());
  }

  /**
   * Dyninka: copies the upstream's entries after checking each with a regex, then appends its own.
   */
  @Benchmark
  public String serverTimingDyninka() {
    StringBuilder timing = new StringBuilder();
    ServerTiming.collect(timing, HopFixture.UPSTREAM_TIMING);
    return ServerTiming.append(timing, HopFixture.SERVICE, 123_456);
  }

  /** Hand-written: appends its own entry to the upstream's header as it came. */
  @Benchmark
  public String serverTimingPlain() {
    return ServerTiming.append(HopFixture.UPSTREAM_TIMING, HopFixture.SERVICE, 123_456);
  }

  @Benchmark
  public List<RoutePlanner.Pull> routePlanDefault() {
    return planner.plan(null);
  }

  /** Every pull carries a traceparent; a request without one gets a new trace. */
  @Benchmark
  public String traceParentNew() {
    return TraceParent.forward(null);
  }

  @Benchmark
  public Object decodeReadingJackson() throws IOException {
    return codec.decode(readingJson, readingType);
  }

  @Benchmark
  public Object decodeReadingJsonObject() {
    return ChainJson.decodeReading(readingJson);
  }

  @Benchmark
  public Buffer encodeDoubleJackson() {
    return codec.encode(HopFixture.READING.value());
  }

  @Benchmark
  public Buffer encodeDoublePlain() {
    return ChainJson.encode(HopFixture.READING.value());
  }

  @Benchmark
  public Buffer encodeReadingJackson() {
    return codec.encode(HopFixture.READING);
  }

  @Benchmark
  public Buffer encodeReadingJsonObject() {
    return ChainJson.encode(HopFixture.READING);
  }
}
