package io.dyninka.maven.tls;

import io.dyninka.runtime.tls.SinkTls;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether the services speak mutual TLS ({@code dyninka.tls}), how the sink treats its clients
 * ({@code dyninka.sinkTls}) and, on Kubernetes, who issues the certificates: {@code dyninka:deploy}
 * itself, or cert-manager ({@code dyninka.tls.certManager}) through an issuer.
 *
 * @param enabled whether the services speak mutual TLS
 * @param sinkPolicy the sink's policy for its clients, {@code DYNINKA_SINK_TLS}
 * @param certManager whether cert-manager issues the certificates, from {@code issuer}
 * @param issuer the name of the cert-manager issuer
 * @param issuerKind {@code Issuer} (in the app's namespace) or {@code ClusterIssuer}
 */
public record TlsSettings(
    boolean enabled, SinkTls sinkPolicy, boolean certManager, String issuer, String issuerKind) {

  public static final String ENABLED = "dyninka.tls";
  public static final String SINK = "dyninka.sinkTls";
  public static final String CERT_MANAGER = "dyninka.tls.certManager";
  public static final String ISSUER = "dyninka.tls.issuer";
  public static final String ISSUER_KIND = "dyninka.tls.issuerKind";

  /** Plain HTTP everywhere: what an app speaks without {@code dyninka.tls}. */
  public static final TlsSettings OFF = new TlsSettings(false, SinkTls.PLAIN, false, null, null);

  private static final List<String> ISSUER_KINDS = List.of("Issuer", "ClusterIssuer");

  /**
   * The settings from the goals' parameters.
   *
   * @throws IllegalArgumentException naming the property whose value cannot be used
   */
  public static TlsSettings of(
      boolean enabled, String sinkTls, boolean certManager, String issuer, String issuerKind) {
    SinkTls policy = sinkPolicy(sinkTls);
    if (!enabled) {
      return OFF;
    }
    if (!certManager) {
      return new TlsSettings(true, policy, false, null, null);
    }
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException(
          "-D"
              + CERT_MANAGER
              + "=true needs the cert-manager issuer that signs the certificates: set -D"
              + ISSUER
              + "=<name> (and -D"
              + ISSUER_KIND
              + "=ClusterIssuer for a cluster-wide one)");
    }
    String kind = issuerKind == null || issuerKind.isBlank() ? "Issuer" : issuerKind.strip();
    if (!ISSUER_KINDS.contains(kind)) {
      throw new IllegalArgumentException(
          ISSUER_KIND + " must be one of " + ISSUER_KINDS + ", not '" + issuerKind + "'");
    }
    return new TlsSettings(true, policy, true, issuer.strip(), kind);
  }

  /** The sink's policy named {@code value}; plain when it is not set. */
  public static SinkTls sinkPolicy(String value) {
    if (value == null || value.isBlank()) {
      return SinkTls.PLAIN;
    }
    try {
      return SinkTls.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          SINK
              + " must be one of "
              + Arrays.stream(SinkTls.values()).map(TlsSettings::name).toList()
              + ", not '"
              + value
              + "'");
    }
  }

  /** The policy as {@code DYNINKA_SINK_TLS} takes it. */
  public static String name(SinkTls policy) {
    return policy.name().toLowerCase(Locale.ROOT);
  }
}
