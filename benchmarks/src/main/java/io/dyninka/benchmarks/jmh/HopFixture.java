package io.dyninka.benchmarks.jmh;

import io.dyninka.benchmarks.chain.ChainJson;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.vertx.core.buffer.Buffer;
import org.example.building.Reading;

/**
 * One hop of the smart-building chain, isolated: {@code map} pulling a temperature reading from
 * {@code filterTemperature}. The upstream is a stub that answers the same bytes every time, so the
 * benchmark measures the hop, not the functions upstream.
 */
public final class HopFixture {

  public static final String UPSTREAM = "filterTemperature";
  public static final String SERVICE = "map";
  public static final String READING_TYPE = Reading.class.getName();

  /** A temperature row, as filterTemperature answers it. */
  public static final Reading READING =
      new Reading("PER_BUILDING_USB_R1.012", "Temperature", "Celsius", 1614556800000L, 21.37);

  /** What the upstream answers in Server-Timing: two services before it. */
  public static final String UPSTREAM_TIMING = "get;dur=0.412, filterTemperature;dur=0.006";

  private HopFixture() {}

  public static Buffer readingJson() {
    return ChainJson.encode(READING);
  }

  /** The two-service app the hop belongs to, as the processor would describe it. */
  public static AppManifest manifest() {
    return AppManifest.of(
        "hop",
        HopFixture.class.getName(),
        ServiceManifest.builder(UPSTREAM).mainClass("none").output(READING_TYPE).build(),
        ServiceManifest.builder(SERVICE)
            .mainClass("none")
            .input(UPSTREAM, READING_TYPE)
            .output("double")
            .build());
  }
}
