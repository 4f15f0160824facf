package io.dyninka.maven.tls;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.runtime.tls.SinkTls;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * Mutual TLS for {@code dyninka:run -Ddyninka.tls=true}: a throw-away CA, and a certificate and key
 * per process (one naming every member of a group), written under {@code target/dyninka/tls/} (keys
 * readable by the owner only), plus a client certificate for the launcher's probes and for curl.
 * Each run makes new ones; the CA's key is never written.
 */
public final class RunTls {

  /** The identity of the launcher and of curl: no service, so no caller of any. */
  public static final String CLIENT = "client";

  private static final Duration VALIDITY = Duration.ofDays(1);

  private final Path dir;
  private final SinkTls sinkPolicy;
  private final AppManifest app;
  private final IssuedCertificate client;

  private RunTls(Path dir, SinkTls sinkPolicy, AppManifest app, IssuedCertificate client) {
    this.dir = dir;
    this.sinkPolicy = sinkPolicy;
    this.app = app;
    this.client = client;
  }

  /**
   * Makes the CA and the certificates of {@code app}'s processes as {@code placement} groups them,
   * in {@code dir}, emptied first.
   */
  public static RunTls write(AppManifest app, Placement placement, Path dir, SinkTls sinkPolicy)
      throws IOException {
    clear(dir);
    Files.createDirectories(dir);
    AppCertificateAuthority ca = AppCertificateAuthority.create(app.app(), VALIDITY);
    Files.writeString(dir.resolve("ca.crt"), ca.certificatePem());
    for (Placement.Group group : placement.groups()) {
      write(dir, group.name(), ca.issue(app.app(), group.members(), List.of(), true, VALIDITY));
    }
    IssuedCertificate client = ca.issue(app.app(), List.of(CLIENT), List.of(), true, VALIDITY);
    write(dir, CLIENT, client);
    return new RunTls(dir.toAbsolutePath(), sinkPolicy, app, client);
  }

  /**
   * The {@code DYNINKA_TLS_*} of the process of {@code group}, and the sink's policy if it is in.
   */
  public Map<String, String> environmentOf(Placement.Group group) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DYNINKA_TLS_CERT", dir.resolve(group.name() + ".crt").toString());
    env.put("DYNINKA_TLS_KEY", dir.resolve(group.name() + ".key").toString());
    env.put("DYNINKA_TLS_CA", ca().toString());
    if (group.members().contains(app.sink())) {
      env.put("DYNINKA_SINK_TLS", TlsSettings.name(sinkPolicy));
    }
    return env;
  }

  /** What the launcher's probes present: the client certificate, trusting the app's CA. */
  public SSLContext probeContext() {
    return client.sslContext();
  }

  /** The curl options that reach the sink under its policy: the CA, and the client's files. */
  public String curlOptions() {
    return switch (sinkPolicy) {
      case PLAIN -> "";
      case TLS -> "--cacert " + ca();
      case MTLS ->
          "--cacert "
              + ca()
              + " --cert "
              + dir.resolve(CLIENT + ".crt")
              + " --key "
              + dir.resolve(CLIENT + ".key");
    };
  }

  /** The app's CA certificate. */
  public Path ca() {
    return dir.resolve("ca.crt");
  }

  public Path directory() {
    return dir;
  }

  private static void write(Path dir, String name, IssuedCertificate issued) throws IOException {
    Files.writeString(dir.resolve(name + ".crt"), issued.certificatePem());
    Path key = dir.resolve(name + ".key");
    try {
      // Made with the owner's permissions alone, so the key is never readable by others.
      Files.createFile(
          key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(key); // not POSIX (Windows): the directory's own permissions apply
    } catch (FileAlreadyExistsException e) {
      throw new IOException("cannot make " + key + ": it exists", e);
    }
    Files.writeString(key, issued.keyPem(), StandardOpenOption.TRUNCATE_EXISTING);
  }

  private static void clear(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }
}
