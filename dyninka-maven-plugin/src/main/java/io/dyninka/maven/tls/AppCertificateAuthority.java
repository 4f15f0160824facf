package io.dyninka.maven.tls;

import io.dyninka.runtime.tls.ServiceTls;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The CA of one app (EC P-256, Bouncy Castle) and the certificates it issues to the app's
 * processes: each names the services it hosts by their URI SAN ({@link ServiceTls#identity}), the
 * identity the runtime checks, so a group's one certificate names every member.
 */
public final class AppCertificateAuthority {

  private static final SecureRandom SERIALS = new SecureRandom();
  private static final Duration BACKDATE = Duration.ofMinutes(5);

  private final KeyPair keys;
  private final X509Certificate certificate;

  private AppCertificateAuthority(KeyPair keys, X509Certificate certificate) {
    this.keys = keys;
    this.certificate = certificate;
  }

  /** A new CA for {@code app}, valid for {@code validity} from now. */
  public static AppCertificateAuthority create(String app, Duration validity) {
    try {
      KeyPair keys = keyPair();
      X500Name subject = new X500Name("CN=dyninka " + app + " CA");
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              serial(),
              Date.from(now.minus(BACKDATE)),
              Date.from(now.plus(validity)),
              subject,
              keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
      return new AppCertificateAuthority(keys, sign(builder, keys.getPrivate()));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make the CA of app " + app + ": " + e, e);
    }
  }

  /**
   * The CA kept in {@code certificatePem} and {@code keyPem} (a PKCS#8 or SEC1 key).
   *
   * @throws IllegalArgumentException when either does not parse, or the key is not the
   *     certificate's
   */
  public static AppCertificateAuthority fromPem(String certificatePem, String keyPem) {
    try {
      Object cert = read(certificatePem);
      Object key = read(keyPem);
      if (!(cert instanceof X509CertificateHolder holder)) {
        throw new IllegalArgumentException("the CA certificate is not a PEM certificate");
      }
      PrivateKey privateKey = privateKey(key);
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
      KeyPair pair = new KeyPair(certificate.getPublicKey(), privateKey);
      AppCertificateAuthority ca = new AppCertificateAuthority(pair, certificate);
      ca.issue("check", List.of("check"), List.of(), false, Duration.ofMinutes(1))
          .certificate()
          .verify(certificate.getPublicKey());
      return ca;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException(
          "not a CA certificate and its private key in PEM: " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(Object key) throws IOException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    if (key instanceof PrivateKeyInfo info) {
      return converter.getPrivateKey(info);
    }
    if (key instanceof org.bouncycastle.openssl.PEMKeyPair pair) {
      return converter.getKeyPair(pair).getPrivate();
    }
    throw new IllegalArgumentException("the CA key is not a PEM private key");
  }

  /** This CA's certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** This CA's certificate in PEM, the {@code DYNINKA_TLS_CA} file. */
  public String certificatePem() {
    return pem(certificate);
  }

  /** This CA's private key in PEM (PKCS#8): the operator's to keep. */
  public String privateKeyPem() {
    return new IssuedCertificate(certificate, keys.getPrivate(), certificate).keyPem();
  }

  /**
   * A certificate for the process of app {@code app} that hosts {@code services}, valid for {@code
   * validity}: a URI SAN per service, then {@code dnsNames}, and with {@code loopback} {@code
   * localhost} and {@code 127.0.0.1}, so that clients on this machine (curl) can check the name.
   */
  public IssuedCertificate issue(
      String app,
      List<String> services,
      List<String> dnsNames,
      boolean loopback,
      Duration validity) {
    try {
      KeyPair pair = keyPair();
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              certificate,
              serial(),
              Date.from(now.minus(BACKDATE)),
              Date.from(now.plus(validity)),
              new X500Name("CN=" + String.join("+", services)),
              pair.getPublic());
      List<GeneralName> names = new ArrayList<>();
      for (String service : services) {
        names.add(
            new GeneralName(
                GeneralName.uniformResourceIdentifier, ServiceTls.identity(app, service)));
      }
      for (String dns : dnsNames) {
        names.add(new GeneralName(GeneralName.dNSName, dns));
      }
      if (loopback) {
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
      }
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
      // Every process is a server to its callers and a client of its upstreams.
      builder.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          extensions.createAuthorityKeyIdentifier(certificate));
      return new IssuedCertificate(
          sign(builder, keys.getPrivate()), pair.getPrivate(), this.certificate);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot issue a certificate for " + services + ": " + e, e);
    }
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static BigInteger serial() {
    return new BigInteger(127, SERIALS).add(BigInteger.ONE);
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey signer)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static Object read(String pem) throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object = parser.readObject();
      if (object == null) {
        throw new IllegalArgumentException("no PEM object found");
      }
      return object;
    }
  }

  static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new IllegalStateException("writing PEM to a string", e);
    }
    return out.toString();
  }
}
