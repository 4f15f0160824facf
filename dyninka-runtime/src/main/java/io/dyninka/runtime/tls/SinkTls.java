package io.dyninka.runtime.tls;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the sink's one listener treats its clients when the app speaks TLS ({@code
 * DYNINKA_SINK_TLS}). The sink still pulls its upstreams with its own certificate whatever this
 * says; only who may call it changes.
 */
public enum SinkTls {
  /**
   * Plain HTTP: TLS ends in front of the sink (an ingress), or clients are on a trusted network.
   */
  PLAIN,
  /** TLS with the sink's certificate; clients need no certificate. */
  TLS,
  /** TLS, and clients present a certificate of the app's CA (any identity). The default. */
  MTLS;

  /** The mode named {@code value}, in any case. */
  public static SinkTls parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "DYNINKA_SINK_TLS must be one of "
              + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList()
              + ", not '"
              + value
              + "'");
    }
  }
}
