package io.dyninka.runtime.tls;

import io.dyninka.manifest.AppManifest;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Mutual TLS of one service ({@code DYNINKA_TLS_CERT}, {@code DYNINKA_TLS_KEY}, {@code
 * DYNINKA_TLS_CA}, PEM files): it listens with TLS and requires a client certificate of the app's
 * CA, presents its own certificate on every pull, and lets in only the services that may pull from
 * it. A certificate names its service by a URI SAN, {@link #identity}. Not API: the runtime's own.
 */
public final class ServiceTls {

  private static final String SCHEME = "spiffe://dyninka/";
  private static final int URI_SAN = 6;

  private final String app;
  private final String service;
  private final PemKeyCertOptions keyCert;
  private final PemTrustOptions trust;
  private final boolean listenTls;
  private final boolean requireClientCertificate;
  private final Set<String> callers;

  private ServiceTls(
      String app,
      String service,
      PemKeyCertOptions keyCert,
      PemTrustOptions trust,
      boolean listenTls,
      boolean requireClientCertificate,
      Set<String> callers) {
    this.app = app;
    this.service = service;
    this.keyCert = keyCert;
    this.trust = trust;
    this.listenTls = listenTls;
    this.requireClientCertificate = requireClientCertificate;
    this.callers = callers;
  }

  /** The identity in the certificate of {@code service} of {@code app}: its URI SAN. */
  public static String identity(String app, String service) {
    return SCHEME + app + "/" + service;
  }

  /**
   * The TLS of {@code service}, or null when none of the three files is set.
   *
   * @throws IllegalArgumentException when only some are set, a file is not readable, or {@code
   *     sinkTls} is set for a service that is not the sink
   */
  public static ServiceTls of(
      String cert, String key, String ca, SinkTls sinkTls, AppManifest manifest, String service) {
    boolean sink = manifest.sink().equals(service);
    if (sinkTls != null && !sink) {
      throw new IllegalArgumentException(
          "DYNINKA_SINK_TLS is for the sink (" + manifest.sink() + "), not " + service);
    }
    if (cert == null && key == null && ca == null) {
      return null;
    }
    readable("DYNINKA_TLS_CERT", cert);
    readable("DYNINKA_TLS_KEY", key);
    readable("DYNINKA_TLS_CA", ca);
    SinkTls mode = sink && sinkTls != null ? sinkTls : SinkTls.MTLS;
    return new ServiceTls(
        manifest.app(),
        service,
        new PemKeyCertOptions().setCertPath(cert).setKeyPath(key),
        new PemTrustOptions().addCertPath(ca),
        mode != SinkTls.PLAIN,
        mode == SinkTls.MTLS,
        sink ? null : Callers.of(manifest, service));
  }

  private static void readable(String name, String path) {
    if (path == null) {
      throw new IllegalArgumentException(
          name
              + " is missing: DYNINKA_TLS_CERT, DYNINKA_TLS_KEY and DYNINKA_TLS_CA are set"
              + " together or not at all");
    }
    if (!Files.isReadable(Path.of(path))) {
      throw new IllegalArgumentException(
          name + " names " + path + ", which is not a readable file");
    }
  }

  /**
   * The listener: TLS with this service's certificate, and the client's required; a plain-HTTP
   * caller is answered {@code 426} ({@link PlainHttpRefusal}).
   */
  public HttpServerOptions server(HttpServerOptions options) {
    if (!listenTls) {
      return options;
    }
    return options
        .setSsl(true)
        .setKeyCertOptions(keyCert)
        .setTrustOptions(trust)
        .setClientAuth(requireClientCertificate ? ClientAuth.REQUIRED : ClientAuth.NONE)
        .setSslEngineOptions(new PlainHttpRefusal(service));
  }

  /**
   * The pull client: every pull over TLS, with this service's certificate, trusting only the app's
   * CA. Host names are not checked (peers may be addresses); the CA is what is trusted.
   */
  public HttpClientOptions client(HttpClientOptions options) {
    return options
        .setSsl(true)
        .setKeyCertOptions(keyCert)
        .setTrustOptions(trust)
        .setVerifyHost(false);
  }

  /**
   * Why the peer of {@code connection} may not call this service, or null when it may: once per
   * connection, after the handshake has checked its certificate against the app's CA.
   */
  public String refusal(HttpConnection connection) {
    if (!requireClientCertificate || callers == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    try {
      List<Certificate> chain = connection.peerCertificates();
      if (!chain.isEmpty() && chain.get(0) instanceof X509Certificate leaf) {
        names = uris(leaf);
      }
    } catch (SSLPeerUnverifiedException e) {
      return "no verified client certificate";
    }
    for (String caller : callers) {
      if (names.contains(identity(app, caller))) {
        return null;
      }
    }
    return "certificate "
        + (names.isEmpty() ? "without a spiffe://dyninka/ URI SAN" : names)
        + " is not one of the callers of "
        + service
        + " "
        + callers.stream().map(c -> identity(app, c)).toList();
  }

  private static List<String> uris(X509Certificate certificate) {
    List<String> uris = new ArrayList<>();
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      if (names != null) {
        for (List<?> name : names) {
          if (((Integer) name.get(0)) == URI_SAN) {
            uris.add(name.get(1).toString());
          }
        }
      }
    } catch (CertificateParsingException e) {
      return uris;
    }
    return uris;
  }
}
