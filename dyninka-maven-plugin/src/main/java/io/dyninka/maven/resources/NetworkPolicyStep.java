package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import java.util.List;

/**
 * A NetworkPolicy per service that admits ingress only from the services that pull from it (the
 * manifest's {@code downstreamOf}): a pull-based dataflow has no other legitimate caller. The sink
 * is what clients call, so it admits every pod of its namespace. Egress stays open: services need
 * DNS and their peers.
 */
final class NetworkPolicyStep implements ResourceStep {

  @Override
  public String name() {
    return "network-policy";
  }

  @Override
  public void apply(KubernetesModel model) {
    AppManifest app = model.app();
    for (ServiceManifest s : app.services()) {
      List<NetworkPolicyPeer> from =
          s.name().equals(app.sink())
              ? List.of(
                  new NetworkPolicyPeerBuilder()
                      .withPodSelector(new LabelSelectorBuilder().build())
                      .build())
              : app.downstreamOf(s.name()).stream()
                  .map(
                      d ->
                          new NetworkPolicyPeerBuilder()
                              .withNewPodSelector()
                              .withMatchLabels(Labels.selector(app, d))
                              .endPodSelector()
                              .build())
                  .toList();
      NetworkPolicy policy =
          new NetworkPolicyBuilder()
              .withNewMetadata()
              .withName(s.kubeName())
              .endMetadata()
              .withNewSpec()
              .withNewPodSelector()
              .withMatchLabels(Labels.selector(app, s))
              .endPodSelector()
              .withPolicyTypes("Ingress")
              .addNewIngress()
              .withFrom(from)
              .addNewPort()
              .withProtocol("TCP")
              .withPort(new IntOrString(ServiceObjectsStep.PORT_NAME))
              .endPort()
              .endIngress()
              .endSpec()
              .build();
      model.networkPolicies.put(s.name(), policy);
    }
  }
}
