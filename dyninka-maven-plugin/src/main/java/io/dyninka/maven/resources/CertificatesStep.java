package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.maven.tls.TlsSettings;
import io.dyninka.runtime.tls.ServiceTls;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * With {@code dyninka.tls.certManager}: a cert-manager {@code Certificate} (cert-manager.io/v1) per
 * process, whose Secret is the one {@link TlsStep} mounts. It names each service of the process by
 * its URI SAN and kube name, with an EC P-256 key in PKCS#8 (what the runtime reads), signed by the
 * configured issuer, which must put its CA in {@code ca.crt} (a CA or Vault issuer does).
 */
final class CertificatesStep implements ResourceStep {

  static final String API_VERSION = "cert-manager.io/v1";
  static final String KIND = "Certificate";

  @Override
  public String name() {
    return "certificates";
  }

  @Override
  public void apply(KubernetesModel model) {
    TlsSettings tls = model.settings().tls();
    if (!tls.enabled() || !tls.certManager()) {
      return;
    }
    AppManifest app = model.app();
    for (Placement.Group group : model.settings().placementOf(app).groups()) {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put(Labels.NAME, ColocationStep.kubeName(app, group));
      labels.putAll(Labels.ofApp(app));
      model.certificates.add(
          new GenericKubernetesResourceBuilder()
              .withApiVersion(API_VERSION)
              .withKind(KIND)
              .withNewMetadata()
              .withName(TlsStep.secretName(app, group))
              .withLabels(labels)
              .withAnnotations(Map.of(Labels.SERVICE, group.name()))
              .endMetadata()
              .addToAdditionalProperties("spec", spec(app, group, tls))
              .build());
    }
  }

  // Ordered maps: the YAML, and so the deployer's config hash, must not change from run to run.
  private static Map<String, Object> spec(AppManifest app, Placement.Group group, TlsSettings tls) {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("algorithm", "ECDSA");
    key.put("size", 256);
    key.put("encoding", "PKCS8");
    key.put("rotationPolicy", "Always");
    Map<String, Object> issuer = new LinkedHashMap<>();
    issuer.put("name", tls.issuer());
    issuer.put("kind", tls.issuerKind());
    issuer.put("group", "cert-manager.io");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("secretName", TlsStep.secretName(app, group));
    spec.put("duration", "2160h");
    spec.put("renewBefore", "360h");
    spec.put("privateKey", key);
    spec.put("uris", group.members().stream().map(m -> ServiceTls.identity(app.app(), m)).toList());
    spec.put(
        "dnsNames",
        group.members().stream().map(m -> app.service(m).orElseThrow().kubeName()).toList());
    spec.put("usages", List.of("digital signature", "server auth", "client auth"));
    spec.put("issuerRef", issuer);
    return spec;
  }
}
