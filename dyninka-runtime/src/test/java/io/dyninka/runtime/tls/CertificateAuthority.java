package io.dyninka.runtime.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away CA for an app (Bouncy Castle, EC P-256): its certificate, and certificates for the
 * app's services that name them by URI SAN ({@link ServiceTls#identity}) and DNS SAN (the kube
 * name), written as the PEM files a service reads. What {@code dyninka:run -Ddyninka.tls=true} and
 * a Kubernetes deploy would make; here for the tests.
 */
public final class CertificateAuthority {

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private final KeyPair keys;
  private final X509Certificate certificate;

  private CertificateAuthority(KeyPair keys, X509Certificate certificate) {
    this.keys = keys;
    this.certificate = certificate;
  }

  /** A new CA named {@code name}, valid for a day. */
  public static CertificateAuthority create(String name) throws Exception {
    KeyPair keys = keyPair();
    X500Name subject = new X500Name("CN=" + name);
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(Duration.ofDays(1))),
            subject,
            keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    return new CertificateAuthority(keys, sign(builder, keys.getPrivate()));
  }

  /** A certificate and its key. */
  public record Issued(X509Certificate certificate, PrivateKey key, X509Certificate ca) {

    /** Writes {@code <name>.crt} and {@code <name>.key} (PKCS#8) to {@code dir}. */
    public Issued write(Path dir, String name) throws IOException {
      Files.writeString(dir.resolve(name + ".crt"), pem(certificate));
      Files.writeString(dir.resolve(name + ".key"), pem(new JcaPKCS8Generator(key, null)));
      return this;
    }

    /** A client context that presents this certificate and trusts only {@code trusted}. */
    public SSLContext sslContext(X509Certificate trusted) throws GeneralSecurityException {
      try {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("me", key, new char[0], new X509Certificate[] {certificate, ca});
        KeyManagerFactory keyManagers =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, new char[0]);
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("ca", trusted);
        TrustManagerFactory trustManagers =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
      } catch (IOException e) {
        throw new GeneralSecurityException(e);
      }
    }
  }

  /** This CA's certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** Writes this CA's certificate to {@code file}. */
  public Path write(Path file) throws IOException {
    Files.writeString(file, pem(certificate));
    return file;
  }

  /** A certificate for {@code service} of {@code app}, valid for a day from now. */
  public Issued issue(String app, String service) throws Exception {
    Instant now = Instant.now();
    return issue(app, service, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1)));
  }

  /**
   * A certificate for {@code service} of {@code app}, valid from {@code notBefore} to {@code
   * notAfter}.
   */
  public Issued issue(String app, String service, Instant notBefore, Instant notAfter)
      throws Exception {
    KeyPair pair = keyPair();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            certificate,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(notBefore),
            Date.from(notAfter),
            new X500Name("CN=" + service),
            pair.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(
                  GeneralName.uniformResourceIdentifier, ServiceTls.identity(app, service)),
              new GeneralName(GeneralName.dNSName, service),
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
    return new Issued(sign(builder, keys.getPrivate()), pair.getPrivate(), certificate);
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey signer)
      throws Exception {
    ContentSigner content = new JcaContentSignerBuilder("SHA256withECDSA").build(signer);
    return new JcaX509CertificateConverter().getCertificate(builder.build(content));
  }

  private static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }
}
