package io.dyninka.runtime.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.runtime.tls.CertificateAuthority;
import io.dyninka.runtime.tls.CertificateAuthority.Issued;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos app (source, twice, sink) over mutual TLS, each service a JVM of its own with
 * certificates made on the fly: the chain answers; an expired certificate, one of a foreign CA, one
 * of a service that is no caller, and plain HTTP one way or the other are refused, with a line in
 * the callee's log and a problem at the caller.
 */
@DisplayName("Services over mutual TLS")
class MutualTlsTest {

  private static final String APP = "chaos";

  @TempDir Path dir;
  private final List<ServiceJvm> jvms = new ArrayList<>();
  private CertificateAuthority ca;
  private Path caFile;

  @BeforeEach
  void makeCertificates() throws Exception {
    ca = CertificateAuthority.create("dyninka " + APP);
    caFile = ca.write(dir.resolve("ca.crt"));
    for (String service : List.of("source", "twice", "sink")) {
      ca.issue(APP, service).write(dir, service);
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (ServiceJvm jvm : jvms) {
      jvm.close();
    }
  }

  @Test
  @DisplayName("answer along the chain, every pull over TLS with the caller's certificate")
  void chain() throws Exception {
    ServiceJvm source = start("source", "source", Map.of());
    ServiceJvm twice = start("twice", "twice", Map.of("DYNINKA_PEERS", "source=" + source.url()));
    ServiceJvm sink =
        start(
            "sink",
            "sink",
            Map.of("DYNINKA_PEERS", "twice=" + twice.url(), "DYNINKA_SINK_TLS", "mtls"));

    HttpResponse<String> answer = get(sink, client(ca.issue(APP, "a-client")));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(Integer.parseInt(answer.body()) % 2).isEqualTo(1);
    // The sink in mtls takes only clients with a certificate of the app's CA.
    assertThatThrownBy(() -> get(sink, client(null))).isInstanceOf(IOException.class);
  }

  @Test
  @DisplayName("refuse a caller whose certificate names a service that does not pull from it: 403")
  void notACaller() throws Exception {
    ServiceJvm source = start("source", "source", Map.of());
    ServiceJvm twice = start("twice", "twice", Map.of("DYNINKA_PEERS", "source=" + source.url()));

    // source has no input, so it never pulls: its certificate is the app's, but not a caller's.
    HttpResponse<String> answer = get(twice, client(ca.issue(APP, "source")));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body())
        .contains("https://dyninka.io/problems/forbidden")
        .contains("spiffe://dyninka/chaos/source")
        .contains("spiffe://dyninka/chaos/sink");
    assertThat(log("twice")).contains("service twice refused 127.0.0.1:");
    // Its health and metrics are no call: any certificate of the app's CA reads them.
    for (String path : List.of("/health/ready", "/health/live", "/metrics")) {
      assertThat(get(twice, client(ca.issue(APP, "source")), path).statusCode())
          .as(path)
          .isEqualTo(200);
    }
    assertThat(get(twice, client(ca.issue(APP, "source")), "/dyninka/manifest").statusCode())
        .isEqualTo(403);
    HttpResponse<String> pulled = get(twice, client(ca.issue(APP, "sink")));
    assertThat(pulled.statusCode()).as(pulled.body()).isEqualTo(200);
  }

  @Test
  @DisplayName("refuse an expired or foreign certificate at the handshake, with a log line")
  void badClientCertificates() throws Exception {
    ServiceJvm source = start("source", "source", Map.of());
    Instant now = Instant.now();
    Issued expired =
        ca.issue(APP, "twice", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
    Issued foreign = CertificateAuthority.create("someone else").issue(APP, "twice");

    assertThatThrownBy(() -> get(source, client(expired))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> get(source, client(foreign))).isInstanceOf(IOException.class);
    awaitLog("source", "refused a TLS connection", 2);
  }

  @Test
  @DisplayName(
      "answer a pull of an upstream with a bad certificate with a 502 naming the handshake")
  void badUpstreams() throws Exception {
    Instant now = Instant.now();
    ca.issue(APP, "twice", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)))
        .write(dir, "twice-expired");
    CertificateAuthority.create("someone else").issue(APP, "twice").write(dir, "twice-foreign");
    ServiceJvm source = start("source", "source", Map.of());
    String peers = "source=" + source.url();
    for (String cert : List.of("twice-expired", "twice-foreign")) {
      ServiceJvm twice = start("twice", cert, Map.of("DYNINKA_PEERS", peers));
      ServiceJvm sink =
          start(
              "sink",
              "sink",
              Map.of("DYNINKA_PEERS", "twice=" + twice.url(), "DYNINKA_SINK_TLS", "tls"));

      HttpResponse<String> answer = get(sink, client(null));

      assertThat(answer.statusCode()).as(cert).isEqualTo(502);
      assertThat(answer.body())
          .as(cert)
          .contains("https://dyninka.io/problems/upstream-tls")
          .contains("upstream 'twice'")
          .contains("TLS handshake");
      sink.close();
      twice.close();
    }
  }

  @Test
  @DisplayName(
      "answer a plain-HTTP pull of a TLS service, and a TLS pull of a plain one, with 502"
          + " upstream-tls; the TLS service logs the caller's address")
  void plainAndTlsMixed() throws Exception {
    ServiceJvm source = start("source", "source", Map.of());
    ServiceJvm plain = plain("twice", Map.of("DYNINKA_PEERS", "source=" + source.url()));

    HttpResponse<String> answer = plainGet(plain);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(502);
    assertThat(answer.headers().firstValue("content-type")).contains("application/problem+json");
    assertThat(answer.body())
        .contains("https://dyninka.io/problems/upstream-tls")
        .contains("upstream 'source'")
        .contains("takes only TLS")
        .contains("DYNINKA_TLS_CERT");
    awaitLog("source", "plain HTTP received on its TLS listener from 127.0.0.1:", 1);
    assertThat(log("source")).doesNotContain("refused a TLS connection");
    // Anyone else (curl) calling it in plain HTTP is told what to do, too.
    HttpResponse<String> direct = plainGet(source);
    assertThat(direct.statusCode()).isEqualTo(426);
    assertThat(direct.headers().firstValue("upgrade"))
        .hasValueSatisfying(u -> u.startsWith("TLS/"));
    assertThat(direct.body()).contains("https://dyninka.io/problems/tls-required");

    // The reverse: a service with TLS pulling one without it.
    ServiceJvm plainSource = plain("source", Map.of());
    ServiceJvm tlsTwice =
        start("twice", "twice", Map.of("DYNINKA_PEERS", "source=" + plainSource.url()));
    ServiceJvm sink =
        start(
            "sink",
            "sink",
            Map.of("DYNINKA_PEERS", "twice=" + tlsTwice.url(), "DYNINKA_SINK_TLS", "tls"));

    HttpResponse<String> reverse = get(sink, client(null));

    assertThat(reverse.statusCode()).as(reverse.body()).isEqualTo(502);
    assertThat(reverse.body())
        .contains("https://dyninka.io/problems/upstream-tls")
        .contains("upstream 'source'")
        .contains("TLS handshake");
  }

  /** {@code service} without TLS, its log in {@code plain-<service>.log}. */
  private ServiceJvm plain(String service, Map<String, String> settings) throws Exception {
    Map<String, String> env = new HashMap<>(settings);
    env.put("DYNINKA_RETRIES", "0");
    env.put("DYNINKA_TIMEOUT_MS", "60000");
    ServiceJvm jvm = new ServiceJvm(APP, service, ServiceJvm.freePort(), env);
    jvms.add(jvm);
    return jvm.startLogging(dir.resolve("plain-" + service + ".log"));
  }

  private static HttpResponse<String> plainGet(ServiceJvm service) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(service.url() + "/"))
                .timeout(Duration.ofSeconds(90))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private ServiceJvm start(String service, String cert, Map<String, String> settings)
      throws Exception {
    Map<String, String> env = new HashMap<>(settings);
    env.put("DYNINKA_TLS_CERT", dir.resolve(cert + ".crt").toString());
    env.put("DYNINKA_TLS_KEY", dir.resolve(cert + ".key").toString());
    env.put("DYNINKA_TLS_CA", caFile.toString());
    env.put("DYNINKA_RETRIES", "0");
    // A cold JVM's first handshakes take seconds on a loaded machine: no deadline should pass.
    env.put("DYNINKA_TIMEOUT_MS", "60000");
    for (int attempt = 1; ; attempt++) {
      ServiceJvm jvm = new ServiceJvm(APP, service, ServiceJvm.freePort(), env);
      jvms.add(jvm);
      try {
        return jvm.startLogging(dir.resolve(service + ".log"));
      } catch (IllegalStateException e) {
        // A free port can be taken by another process before the service binds it: another.
        if (attempt == 3 || !String.valueOf(e.getMessage()).contains("Address already in use")) {
          throw e;
        }
      }
    }
  }

  private String log(String service) throws IOException {
    return Files.readString(dir.resolve(service + ".log"));
  }

  /** Waits (the callee logs after the caller has seen the refusal) for {@code count} lines. */
  private void awaitLog(String service, String line, int count) throws Exception {
    for (int i = 0; i < 100; i++) {
      if (log(service).split(java.util.regex.Pattern.quote(line), -1).length - 1 >= count) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(log(service)).contains(line);
  }

  /** A client that trusts the app's CA and presents {@code identity}, if any. */
  private HttpClient client(Issued identity) throws Exception {
    SSLContext context;
    if (identity == null) {
      // Trust only, no key: a context with the CA's trust manager and no key managers.
      context = SSLContext.getInstance("TLS");
      javax.net.ssl.TrustManagerFactory trust =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("ca", ca.certificate());
      trust.init(store);
      context.init(null, trust.getTrustManagers(), null);
    } else {
      context = identity.sslContext(ca.certificate());
    }
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(30))
        .build();
  }

  private static HttpResponse<String> get(ServiceJvm service, HttpClient client) throws Exception {
    return get(service, client, "/");
  }

  private static HttpResponse<String> get(ServiceJvm service, HttpClient client, String path)
      throws Exception {
    URI uri = URI.create(service.url().replace("http://", "https://") + path);
    return client.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
