package io.dyninka.maven.resources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the autoscalers, ServiceMonitors and cert-manager Certificates an app's deploy made, by its
 * labels, so that {@code dyninka:undeploy} removes them with the rest. A cluster without the
 * Prometheus Operator or cert-manager has no such kind: there is then none to find.
 */
public final class DeployedWatchers {

  static final ResourceDefinitionContext SERVICE_MONITORS =
      new ResourceDefinitionContext.Builder()
          .withGroup("monitoring.coreos.com")
          .withVersion("v1")
          .withKind(ServiceMonitorStep.KIND)
          .withPlural("servicemonitors")
          .withNamespaced(true)
          .build();

  static final ResourceDefinitionContext CERTIFICATES =
      new ResourceDefinitionContext.Builder()
          .withGroup("cert-manager.io")
          .withVersion("v1")
          .withKind(CertificatesStep.KIND)
          .withPlural("certificates")
          .withNamespaced(true)
          .build();

  private DeployedWatchers() {}

  public static List<HasMetadata> find(
      KubernetesClient client, String namespace, Map<String, String> selector) {
    List<HasMetadata> found = new ArrayList<>();
    found.addAll(
        client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(namespace)
            .withLabels(selector)
            .list()
            .getItems());
    found.addAll(optional(client, SERVICE_MONITORS, namespace, selector));
    found.addAll(optional(client, CERTIFICATES, namespace, selector));
    return found;
  }

  /** The objects of a kind that only some clusters have (an operator's): none without it. */
  private static List<? extends HasMetadata> optional(
      KubernetesClient client,
      ResourceDefinitionContext kind,
      String namespace,
      Map<String, String> selector) {
    try {
      return client
          .genericKubernetesResources(kind)
          .inNamespace(namespace)
          .withLabels(selector)
          .list()
          .getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      return List.of();
    }
  }
}
