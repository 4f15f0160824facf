package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A NetworkPolicy per service that admits ingress only from the services that pull from it (the
 * manifest's {@code downstreamOf}): a pull-based dataflow has no other legitimate caller. The sink
 * is what clients call, so it admits every pod of its namespace, and the pods an operator admits
 * besides: those of other namespaces ({@code dyninka.sink.allowNamespaces}, e.g. an ingress
 * controller's), narrowed to pods with some labels ({@code dyninka.sink.allowPodLabels}). Egress
 * stays open: services need DNS and their peers.
 */
final class NetworkPolicyStep implements ResourceStep {

  /** The label Kubernetes (1.22 and later) puts on every namespace: its name. */
  static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

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
              ? sinkCallers(model.settings().pods())
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

  /** Every pod of the namespace, and those admitted from other namespaces. */
  static List<NetworkPolicyPeer> sinkCallers(PodSettings pods) {
    List<NetworkPolicyPeer> from = new ArrayList<>();
    from.add(
        new NetworkPolicyPeerBuilder().withPodSelector(new LabelSelectorBuilder().build()).build());
    for (String namespace : pods.sinkAllowNamespaces()) {
      from.add(
          new NetworkPolicyPeerBuilder()
              .withNewNamespaceSelector()
              .addToMatchLabels(NAMESPACE_NAME, namespace)
              .endNamespaceSelector()
              .withNewPodSelector()
              .withMatchLabels(pods.sinkAllowPodLabels())
              .endPodSelector()
              .build());
    }
    if (pods.sinkAllowNamespaces().isEmpty() && !pods.sinkAllowPodLabels().isEmpty()) {
      // Labels alone: such pods in any namespace.
      from.add(
          new NetworkPolicyPeerBuilder()
              .withNewNamespaceSelector()
              .endNamespaceSelector()
              .withNewPodSelector()
              .withMatchLabels(pods.sinkAllowPodLabels())
              .endPodSelector()
              .build());
    }
    return from;
  }
}
