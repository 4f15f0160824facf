package io.dyninka.maven.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** A certificate issued by an app's CA, with its private key and the CA's certificate. */
public record IssuedCertificate(X509Certificate certificate, PrivateKey key, X509Certificate ca) {

  /** The certificate in PEM: the {@code DYNINKA_TLS_CERT} file. */
  public String certificatePem() {
    return AppCertificateAuthority.pem(certificate);
  }

  /** The private key in PEM, PKCS#8: the {@code DYNINKA_TLS_KEY} file. */
  public String keyPem() {
    try {
      return AppCertificateAuthority.pem(new JcaPKCS8Generator(key, null));
    } catch (IOException e) {
      throw new IllegalStateException("encoding a private key", e);
    }
  }

  /** The SHA-256 of the certificate, in hex: changes with every certificate issued. */
  public String fingerprint() {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** A client context that presents this certificate and trusts only the CA that issued it. */
  public SSLContext sslContext() {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("identity", key, new char[0], new X509Certificate[] {certificate, ca});
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, new char[0]);
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("ca", ca);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make a TLS context of a certificate: " + e, e);
    }
  }
}
