package io.dyninka.benchmarks.run;

import io.dyninka.benchmarks.gateway.GatewayChain;
import io.dyninka.benchmarks.handwritten.HandWrittenChain;
import io.dyninka.manifest.AppManifest;
import io.dyninka.runtime.ServiceHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The three systems of the comparison; each runs the same four functions, one JVM per function. */
public enum SystemUnderTest {
  DYNINKA("dyninka", "Dyninka", "/") {
    @Override
    AppManifest manifest() {
      try {
        // The manifest the processor wrote into the smart-building jar: the real generated
        // services.
        return ServiceHost.loadManifest(SMART_BUILDING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  },
  /**
   * The same generated services on another build of the runtime ({@code CANDIDATE_RUNTIME}) or with
   * other settings ({@code CANDIDATE_ENV}): a fix measured before it lands, side by side with
   * {@link #DYNINKA} in the same run.
   */
  DYNINKA_CANDIDATE("candidate", "Dyninka, candidate", "/") {
    @Override
    AppManifest manifest() {
      return DYNINKA.manifest();
    }

    /** {@code CANDIDATE_LABEL} names what the candidate is, e.g. the runtime before a change. */
    @Override
    public String label() {
      String named = System.getenv("CANDIDATE_LABEL");
      return named == null || named.isBlank() ? super.label() : "Dyninka, " + named.trim();
    }
  },
  HAND_WRITTEN("handwritten", "hand-written Vert.x", "/") {
    @Override
    AppManifest manifest() {
      return HandWrittenChain.manifest();
    }
  },
  GATEWAY("gateway", "gateway + orchestrator", GatewayChain.ENTRY_PATH) {
    @Override
    AppManifest manifest() {
      return GatewayChain.manifest();
    }
  };

  static final String SMART_BUILDING = "smart-building";

  /**
   * The functions a full-chain request runs in every system: get, filterTemperature, map,
   * movingAvg.
   */
  static final int FUNCTIONS = 4;

  private final String id;
  private final String label;
  private final String entryPath;

  SystemUnderTest(String id, String label, String entryPath) {
    this.id = id;
    this.label = label;
    this.entryPath = entryPath;
  }

  abstract AppManifest manifest();

  /** The short name used in settings, file names and the CSV. */
  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** Where clients call it, relative to the manifest's sink. */
  String entryPath() {
    return entryPath;
  }

  static SystemUnderTest named(String id) {
    return Arrays.stream(values())
        .filter(s -> s.id.equalsIgnoreCase(id.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown system '"
                        + id
                        + "'; known: "
                        + Arrays.stream(values())
                            .map(SystemUnderTest::id)
                            .collect(Collectors.joining(", "))));
  }
}
