package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Kubernetes objects of an app while the steps assemble them. */
public final class KubernetesModel {

  private final AppManifest app;
  private final ResourceSettings settings;
  final Map<String, Deployment> deployments = new LinkedHashMap<>();
  final Map<String, Service> services = new LinkedHashMap<>();
  final Map<String, NetworkPolicy> networkPolicies = new LinkedHashMap<>();

  /**
   * The kinds of object an app is made of, in the order they are applied: a pod never runs before
   * its policy. Undeploy looks for exactly these.
   */
  public static final List<Class<? extends HasMetadata>> KINDS =
      List.of(Secret.class, Service.class, NetworkPolicy.class, Deployment.class);

  /** What the pods' certificates come from (cert-manager Certificates): applied before them. */
  final List<HasMetadata> certificates = new ArrayList<>();

  /** What acts on the pods once they run (autoscalers, monitors): applied after them. */
  final List<HasMetadata> watchers = new ArrayList<>();

  KubernetesModel(AppManifest app, ResourceSettings settings) {
    this.app = app;
    this.settings = settings;
  }

  public AppManifest app() {
    return app;
  }

  public ResourceSettings settings() {
    return settings;
  }

  /** The Deployment of a service, by service name. */
  public Deployment deployment(ServiceManifest service) {
    return deployments.get(service.name());
  }

  public Service service(ServiceManifest service) {
    return services.get(service.name());
  }

  /**
   * Every object: the certificates, then kind by kind in the order of {@link #KINDS}, then what
   * acts on the pods.
   */
  public List<HasMetadata> objects() {
    List<HasMetadata> all = new ArrayList<>(certificates);
    all.addAll(services.values());
    all.addAll(networkPolicies.values());
    all.addAll(deployments.values());
    all.addAll(watchers);
    return all;
  }
}
