package io.dyninka.benchmarks.run;

import io.dyninka.benchmarks.gateway.GatewayChain;
import io.dyninka.benchmarks.handwritten.HandWrittenChain;
import io.dyninka.benchmarks.handwritten.HandWrittenOrders;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.runtime.ServiceHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The systems of the comparison: for each {@link Flow}, its Dyninka services (split, one JVM per
 * service, and co-located in one JVM), a candidate build of them, and the baselines. All run the
 * same user functions.
 */
public enum SystemUnderTest {
  DYNINKA(Flow.SMART_BUILDING, Kind.DYNINKA, "dyninka", "/"),
  /**
   * The same generated services on another build of the runtime ({@code CANDIDATE_RUNTIME}) or with
   * other settings ({@code CANDIDATE_ENV}): a fix measured before it lands, side by side with
   * {@link #DYNINKA} in the same run.
   */
  DYNINKA_CANDIDATE(Flow.SMART_BUILDING, Kind.CANDIDATE, "candidate", "/"),
  HAND_WRITTEN(Flow.SMART_BUILDING, Kind.HAND_WRITTEN, "handwritten", "/"),
  GATEWAY(Flow.SMART_BUILDING, Kind.GATEWAY, "gateway", GatewayChain.ENTRY_PATH),
  /** Every service of the chain in one JVM ({@code LocalLauncher.start(manifest, "all")}). */
  DYNINKA_COLOCATED(Flow.SMART_BUILDING, Kind.COLOCATED, "colocated", "/"),
  ORDERS_DYNINKA(Flow.ORDERS, Kind.DYNINKA, "orders-dyninka", "/"),
  ORDERS_CANDIDATE(Flow.ORDERS, Kind.CANDIDATE, "orders-candidate", "/"),
  ORDERS_HAND_WRITTEN(Flow.ORDERS, Kind.HAND_WRITTEN, "orders-handwritten", "/"),
  ORDERS_COLOCATED(Flow.ORDERS, Kind.COLOCATED, "orders-colocated", "/");

  /** What a system is, whatever its flow: the names {@code SYSTEMS} takes. */
  public enum Kind {
    DYNINKA("dyninka", "Dyninka"),
    CANDIDATE("candidate", "Dyninka, candidate"),
    HAND_WRITTEN("handwritten", "hand-written Vert.x"),
    GATEWAY("gateway", "gateway + orchestrator"),
    COLOCATED("colocated", "Dyninka, all in one JVM");

    private final String id;
    private final String label;

    Kind(String id, String label) {
      this.id = id;
      this.label = label;
    }

    public String id() {
      return id;
    }

    static Kind named(String id) {
      return Arrays.stream(values())
          .filter(k -> k.id.equalsIgnoreCase(id.trim()))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "unknown system '"
                          + id
                          + "'; known: "
                          + Arrays.stream(values())
                              .map(Kind::id)
                              .collect(Collectors.joining(", "))));
    }
  }

  static final String SMART_BUILDING = "smart-building";
  static final String ORDERS_APP = "orders";

  private final Flow flow;
  private final Kind kind;
  private final String id;
  private final String entryPath;

  SystemUnderTest(Flow flow, Kind kind, String id, String entryPath) {
    this.flow = flow;
    this.kind = kind;
    this.id = id;
    this.entryPath = entryPath;
  }

  /** The system of {@code kind} for {@code flow}, if the flow has one (no gateway for orders). */
  public static Optional<SystemUnderTest> of(Flow flow, Kind kind) {
    return Arrays.stream(values()).filter(s -> s.flow == flow && s.kind == kind).findFirst();
  }

  public Flow flow() {
    return flow;
  }

  public Kind kind() {
    return kind;
  }

  /** The hand-written twin of this system's flow, the baseline of every ratio. */
  public SystemUnderTest twin() {
    return of(flow, Kind.HAND_WRITTEN).orElseThrow();
  }

  /** The services it starts, as the launcher reads them. */
  AppManifest manifest() {
    return switch (kind) {
      case DYNINKA, CANDIDATE, COLOCATED ->
          generated(flow == Flow.ORDERS ? ORDERS_APP : SMART_BUILDING);
      case HAND_WRITTEN ->
          flow == Flow.ORDERS ? HandWrittenOrders.manifest() : HandWrittenChain.manifest();
      case GATEWAY -> GatewayChain.manifest();
    };
  }

  /** How its services share processes: all in one for the co-located system, else one each. */
  Placement placement(AppManifest manifest) {
    return kind == Kind.COLOCATED ? Placement.parse("all", manifest) : Placement.split(manifest);
  }

  /** The manifest the processor wrote: the real generated services. */
  private static AppManifest generated(String app) {
    try {
      return ServiceHost.loadManifest(app);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The short name used in file names and the CSV, unique across flows. */
  public String id() {
    return id;
  }

  /** The name in a table of its flow; {@code CANDIDATE_LABEL} names what the candidate is. */
  public String label() {
    if (kind == Kind.CANDIDATE) {
      String named = System.getenv("CANDIDATE_LABEL");
      return named == null || named.isBlank() ? kind.label : "Dyninka, " + named.trim();
    }
    return kind.label;
  }

  /** The name across flows: the flow, then the system. */
  public String fullLabel() {
    return flow.label() + ", " + label();
  }

  /** Where clients call it, relative to the manifest's sink. */
  String entryPath() {
    return entryPath;
  }

  public boolean isCandidate() {
    return kind == Kind.CANDIDATE;
  }
}
