package io.dyninka.maven.deploy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.maven.resources.Labels;
import io.dyninka.maven.resources.ResourceSettings;
import io.dyninka.maven.resources.TlsStep;
import io.dyninka.maven.tls.AppCertificateAuthority;
import io.dyninka.maven.tls.IssuedCertificate;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Secrets of an app's mutual TLS when {@code dyninka:deploy} issues the certificates: the app's
 * CA, kept in its own Secret so every deploy reuses it, and a {@code kubernetes.io/tls} Secret per
 * process (with {@code ca.crt}) whose certificate is issued anew on each deploy. Each Deployment's
 * pod template names the fingerprint of its certificate, so a deploy rolls the pods onto the new
 * ones; as the CA stays, old and new pods trust each other while they roll.
 */
final class ClusterCertificates {

  static final String CA_CERT = "tls.crt";
  static final String CA_KEY = "tls.key";

  /** On the pod template: which certificate the pods were started with. */
  static final String FINGERPRINT = "io.dyninka/tls-certificate";

  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  private static final Duration LEAF_VALIDITY = Duration.ofDays(90);

  private final KubernetesClient client;
  private final String namespace;
  private final Consumer<String> log;

  ClusterCertificates(KubernetesClient client, String namespace, Consumer<String> log) {
    this.client = client;
    this.namespace = namespace;
    this.log = log;
  }

  /** The name of the Secret of the app's CA. */
  static String caSecretName(AppManifest app) {
    return Labels.objectName(app.app()) + "-dyninka-ca";
  }

  /**
   * The CA's Secret and a new certificate Secret per process, to apply before {@code objects},
   * whose Deployments get the fingerprint of their certificate.
   *
   * @throws DeployException when the CA's Secret exists but holds no usable CA
   */
  List<HasMetadata> secrets(AppManifest app, ResourceSettings settings, List<HasMetadata> objects)
      throws DeployException {
    Secret caSecret = caSecret(app);
    AppCertificateAuthority ca = authority(app, caSecret);
    String caPem = ca.certificatePem();
    List<HasMetadata> secrets = new ArrayList<>();
    secrets.add(caSecret);
    Map<String, String> fingerprints = new LinkedHashMap<>();
    for (Placement.Group group : settings.placementOf(app).groups()) {
      List<String> dnsNames = new ArrayList<>();
      for (String member : group.members()) {
        String kubeName = app.service(member).orElseThrow().kubeName();
        dnsNames.add(kubeName);
        dnsNames.add(kubeName + "." + namespace + ".svc");
      }
      IssuedCertificate issued =
          ca.issue(app.app(), group.members(), dnsNames, false, LEAF_VALIDITY);
      String name = TlsStep.secretName(app, group);
      secrets.add(
          new SecretBuilder()
              .withNewMetadata()
              .withName(name)
              .withLabels(labels(app))
              .withAnnotations(Map.of(Labels.SERVICE, group.name()))
              .endMetadata()
              .withType("kubernetes.io/tls")
              .addToData("tls.crt", base64(issued.certificatePem()))
              .addToData("tls.key", base64(issued.keyPem()))
              .addToData("ca.crt", base64(caPem))
              .build());
      fingerprints.put(group.name(), issued.fingerprint().substring(0, 32));
    }
    for (HasMetadata object : objects) {
      if (object instanceof Deployment deployment) {
        String group = deployment.getMetadata().getAnnotations().get(Labels.SERVICE);
        String fingerprint = fingerprints.get(group);
        if (fingerprint != null) {
          Map<String, String> annotations =
              new LinkedHashMap<>(
                  deployment.getSpec().getTemplate().getMetadata().getAnnotations() == null
                      ? Map.of()
                      : deployment.getSpec().getTemplate().getMetadata().getAnnotations());
          annotations.put(FINGERPRINT, fingerprint);
          deployment.getSpec().getTemplate().getMetadata().setAnnotations(annotations);
        }
      }
    }
    return secrets;
  }

  /** The CA's Secret as it is in the namespace, or a new CA's. */
  private Secret caSecret(AppManifest app) throws DeployException {
    String name = caSecretName(app);
    Secret live;
    try {
      live = client.secrets().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw new DeployException(
          new KubernetesApiErrors(String.valueOf(client.getMasterUrl()), namespace)
              .explain(e, "get", "Secret/" + name),
          List.of(),
          e);
    }
    if (live != null) {
      log.accept("reusing    the app's CA in Secret/" + name);
      // As it is: the same data means the same config hash, so the deploy leaves it unchanged.
      return new SecretBuilder()
          .withNewMetadata()
          .withName(name)
          .withLabels(labels(app))
          .endMetadata()
          .withType(live.getType())
          .withData(live.getData())
          .build();
    }
    AppCertificateAuthority ca = AppCertificateAuthority.create(app.app(), CA_VALIDITY);
    log.accept("made       a new CA for the app, kept in Secret/" + name);
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels(app))
        .endMetadata()
        .withType("kubernetes.io/tls")
        .addToData(CA_CERT, base64(ca.certificatePem()))
        .addToData(CA_KEY, base64(ca.privateKeyPem()))
        .build();
  }

  private AppCertificateAuthority authority(AppManifest app, Secret secret) throws DeployException {
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    try {
      if (!data.containsKey(CA_CERT) || !data.containsKey(CA_KEY)) {
        throw new IllegalArgumentException("it has no " + CA_CERT + " and " + CA_KEY);
      }
      return AppCertificateAuthority.fromPem(text(data.get(CA_CERT)), text(data.get(CA_KEY)));
    } catch (IllegalArgumentException e) {
      throw new DeployException(
          "Secret/"
              + secret.getMetadata().getName()
              + " in namespace "
              + namespace
              + " should hold the CA of app "
              + app.app()
              + ", but "
              + e.getMessage()
              + ". Delete it to make a new CA (every service then gets a new certificate), or put"
              + " the CA's certificate and PKCS#8 key in its "
              + CA_CERT
              + " and "
              + CA_KEY
              + ".",
          List.of(),
          e);
    }
  }

  private static Map<String, String> labels(AppManifest app) {
    return Labels.ofApp(app);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
