package io.dyninka.maven.resources;

import static io.dyninka.maven.resources.ColocatedResourcesTest.env;
import static io.dyninka.maven.resources.KubernetesResourcesTest.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.maven.tls.TlsSettings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Kubernetes resources with -Ddyninka.tls")
class TlsResourcesTest {

  static final AppManifest APP = ColocatedResourcesTest.APP;

  static String yaml(TlsSettings tls, String colocate) {
    return KubernetesResources.toYaml(
        KubernetesResources.withDefaultSteps()
            .generate(
                APP,
                ColocatedResourcesTest.settings()
                    .withPlacement(Placement.parse(colocate, APP))
                    .withTls(tls)));
  }

  /** The YAML as written, parsed back: what kubectl would read. */
  static List<HasMetadata> parsed(String yaml) {
    Object parsed =
        Serialization.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    @SuppressWarnings("unchecked")
    List<HasMetadata> items =
        parsed instanceof KubernetesList list ? list.getItems() : (List<HasMetadata>) parsed;
    return items;
  }

  static TlsSettings tls(String sinkTls) {
    return TlsSettings.of(true, sinkTls, false, null, null);
  }

  static Container container(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  @Nested
  @DisplayName("one Deployment per service")
  class Split {

    final List<HasMetadata> objects = parsed(yaml(tls("plain"), null));

    @Test
    @DisplayName("mounts its Secret read-only and points DYNINKA_TLS_* at the files")
    void mountsTheSecret() {
      Deployment map = find(objects, Deployment.class, "map");
      PodSpec pod = map.getSpec().getTemplate().getSpec();
      Volume volume =
          pod.getVolumes().stream()
              .filter(v -> v.getName().equals("dyninka-tls"))
              .findFirst()
              .orElseThrow();
      assertThat(volume.getSecret().getSecretName()).isEqualTo("map-tls");
      assertThat(volume.getSecret().getDefaultMode()).isEqualTo(0440);
      // The files are the service user's group's, so the non-root service reads its key.
      assertThat(pod.getSecurityContext().getFsGroup())
          .isEqualTo(pod.getSecurityContext().getRunAsGroup());
      Container c = container(map);
      assertThat(c.getVolumeMounts())
          .anyMatch(
              m ->
                  m.getName().equals("dyninka-tls")
                      && m.getMountPath().equals("/etc/dyninka/tls")
                      && m.getReadOnly());
      assertThat(env(c, "DYNINKA_TLS_CERT")).isEqualTo("/etc/dyninka/tls/tls.crt");
      assertThat(env(c, "DYNINKA_TLS_KEY")).isEqualTo("/etc/dyninka/tls/tls.key");
      assertThat(env(c, "DYNINKA_TLS_CA")).isEqualTo("/etc/dyninka/tls/ca.crt");
      assertThat(env(c, "DYNINKA_SINK_TLS")).isNull();
      assertThat(env(container(find(objects, Deployment.class, "moving-avg")), "DYNINKA_SINK_TLS"))
          .isEqualTo("plain");
    }

    @Test
    @DisplayName(
        "probes a service that requires a client certificate on its port, a plain sink over HTTP")
    void probes() {
      Container map = container(find(objects, Deployment.class, "map"));
      for (var probe :
          List.of(map.getReadinessProbe(), map.getLivenessProbe(), map.getStartupProbe())) {
        assertThat(probe.getHttpGet()).isNull();
        assertThat(probe.getTcpSocket().getPort().getStrVal()).isEqualTo("http");
      }
      Container sink = container(find(objects, Deployment.class, "moving-avg"));
      assertThat(sink.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
      assertThat(sink.getReadinessProbe().getHttpGet().getScheme()).isNull();

      Container tlsSink =
          container(find(parsed(yaml(tls("tls"), null)), Deployment.class, "moving-avg"));
      assertThat(tlsSink.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTPS");
      Container mtlsSink =
          container(find(parsed(yaml(tls("mtls"), null)), Deployment.class, "moving-avg"));
      assertThat(mtlsSink.getReadinessProbe().getTcpSocket()).isNotNull();
    }

    @Test
    @DisplayName("writes no Secret and no private key: dyninka:deploy makes them")
    void noPrivateKey() {
      String yaml = yaml(tls("plain"), null);
      assertThat(parsed(yaml)).noneMatch(Secret.class::isInstance);
      assertThat(yaml).doesNotContain("PRIVATE KEY").doesNotContain("tls.key:");
    }

    @Test
    @DisplayName("without dyninka.tls, the resources are those of plain HTTP, byte for byte")
    void offIsUnchanged() {
      assertThat(yaml(TlsSettings.OFF, null))
          .isEqualTo(ColocatedResourcesTest.yaml(ColocatedResourcesTest.settings()));
    }
  }

  @Test
  @DisplayName("a group's one Deployment mounts the group's Secret, its probes on its last member")
  void group() {
    List<HasMetadata> objects = parsed(yaml(tls("plain"), "get+filterTemperature+map"));
    Deployment group = find(objects, Deployment.class, "get--filter-temperature--map");
    assertThat(group.getSpec().getTemplate().getSpec().getVolumes())
        .anyMatch(
            v ->
                v.getSecret() != null
                    && v.getSecret().getSecretName().equals("get--filter-temperature--map-tls"));
    Container c = container(group);
    assertThat(env(c, "DYNINKA_TLS_CERT")).isEqualTo("/etc/dyninka/tls/tls.crt");
    assertThat(c.getReadinessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(8082);
  }

  @Test
  @DisplayName(
      "with cert-manager: a Certificate per process naming each member, its Secret the one mounted")
  void certManager() {
    String yaml = yaml(TlsSettings.of(true, "plain", true, "app-ca", "ClusterIssuer"), "get+map");
    List<HasMetadata> objects = parsed(yaml);
    GenericKubernetesResource certificate =
        objects.stream()
            .filter(o -> o.getKind().equals("Certificate"))
            .map(GenericKubernetesResource.class::cast)
            .filter(o -> o.getMetadata().getName().equals("get--map-tls"))
            .findFirst()
            .orElseThrow();
    assertThat(certificate.getApiVersion()).isEqualTo("cert-manager.io/v1");
    @SuppressWarnings("unchecked")
    Map<String, Object> spec =
        (Map<String, Object>) certificate.getAdditionalProperties().get("spec");
    assertThat(spec.get("secretName")).isEqualTo("get--map-tls");
    assertThat(spec.get("uris"))
        .isEqualTo(
            List.of("spiffe://dyninka/smart-building/get", "spiffe://dyninka/smart-building/map"));
    assertThat(spec.get("issuerRef"))
        .isEqualTo(Map.of("name", "app-ca", "kind", "ClusterIssuer", "group", "cert-manager.io"));
    assertThat(spec.get("privateKey")).asString().contains("PKCS8");
    assertThat(spec.get("usages")).asList().contains("server auth", "client auth");
    // One per process, applied before the Deployments that mount their Secrets.
    assertThat(objects.stream().filter(o -> o.getKind().equals("Certificate")))
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("get--map-tls", "filter-temperature-tls", "moving-avg-tls");
    assertThat(objects.get(0).getKind()).isEqualTo("Certificate");
    assertThat(yaml).doesNotContain("PRIVATE KEY");
  }

  @Test
  @DisplayName(
      "refuses cert-manager without an issuer, and a policy that is none, naming the property")
  void badSettings() {
    assertThatThrownBy(() -> TlsSettings.of(true, "plain", true, " ", null))
        .hasMessageContaining("dyninka.tls.issuer");
    assertThatThrownBy(() -> TlsSettings.of(true, "plain", true, "ca", "Cluster"))
        .hasMessageContaining("dyninka.tls.issuerKind must be one of [Issuer, ClusterIssuer]");
    assertThatThrownBy(() -> TlsSettings.of(true, "open", false, null, null))
        .hasMessage("dyninka.sinkTls must be one of [plain, tls, mtls], not 'open'");
  }
}
