package io.dyninka.maven.deploy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.resources.DeployedWatchers;
import io.dyninka.maven.resources.KubernetesModel;
import io.dyninka.maven.resources.KubernetesResources;
import io.dyninka.maven.resources.Labels;
import io.dyninka.maven.resources.ResourceSettings;
import io.dyninka.runtime.tls.SinkTls;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Deploys an app's objects to Kubernetes with server-side apply, waits until every service is
 * ready, and undeploys by label.
 *
 * <p>Each object carries a hash of what was applied; an object whose live hash matches is left
 * alone, and since images are pinned by digest, a redeploy rolls exactly the Deployments whose
 * image (or settings) changed. A deploy that fails — an object refused, an image that cannot be
 * pulled, a service that never gets ready — puts back every object it had applied: new ones are
 * deleted, changed ones re-applied as they were.
 */
public final class KubernetesDeployer implements Deployer {

  public static final String FIELD_MANAGER = "dyninka";

  private final KubernetesClient client;
  private final String namespace;
  private final Duration timeout;
  private final Duration poll;
  private final Consumer<String> log;
  private AutoCloseable owned = () -> {};

  /** A deployer on a connection of its own, which {@link #close()} closes. */
  public static KubernetesDeployer connect(TargetSettings settings, Consumer<String> log) {
    KubernetesConnection connection = KubernetesConnection.open();
    KubernetesDeployer deployer =
        new KubernetesDeployer(
            connection.client(),
            settings.namespace(),
            settings.timeout(),
            Duration.ofSeconds(2),
            log);
    deployer.owned = connection;
    return deployer;
  }

  public KubernetesDeployer(
      KubernetesClient client,
      String namespace,
      Duration timeout,
      Duration poll,
      Consumer<String> log) {
    this.client = client;
    this.namespace = namespace == null || namespace.isBlank() ? client.getNamespace() : namespace;
    this.timeout = timeout;
    this.poll = poll;
    this.log = log;
  }

  public String namespace() {
    return namespace == null ? "default" : namespace;
  }

  @Override
  public DeployResult deploy(AppManifest app, ResourceSettings settings) throws DeployException {
    List<HasMetadata> objects = KubernetesResources.withDefaultSteps().generate(app, settings);
    if (settings.tls().enabled() && !settings.tls().certManager()) {
      List<HasMetadata> withSecrets =
          new ArrayList<>(
              new ClusterCertificates(client, namespace(), log).secrets(app, settings, objects));
      withSecrets.addAll(objects);
      objects = withSecrets;
    }
    DeployResult result = deploy(app.app(), objects);
    return new DeployResult(
        result.changed(),
        result.unchanged(),
        (settings.tls().enabled() && settings.tls().sinkPolicy() != SinkTls.PLAIN
                ? "https://"
                : "http://")
            + app.sinkService().kubeName()
            + "."
            + namespace()
            + ".svc/");
  }

  @Override
  public List<String> undeploy(AppManifest app) throws DeployException {
    return undeploy(app.app());
  }

  @Override
  public void close() {
    try {
      owned.close();
    } catch (Exception e) {
      log.accept("closing the Kubernetes client: " + e);
    }
  }

  /** Applies the objects, in order, and waits for every Deployment among them to be ready. */
  public DeployResult deploy(String app, List<HasMetadata> objects) throws DeployException {
    List<HasMetadata> desired =
        objects.stream()
            .map(o -> ConfigurationHash.stamp(inNamespace(Serialization.clone(o))))
            .toList();
    Map<String, HasMetadata> before = new LinkedHashMap<>();
    List<HasMetadata> applied = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    try {
      for (HasMetadata object : desired) {
        before.put(key(object), live(object));
      }
      for (HasMetadata object : desired) {
        HasMetadata current = before.get(key(object));
        if (ConfigurationHash.unchanged(object, current)) {
          unchanged.add(key(object));
          continue;
        }
        apply(object, current == null ? "create" : "patch");
        applied.add(object);
        changed.add(key(object));
        log.accept((current == null ? "created    " : "configured ") + key(object));
      }
      if (!unchanged.isEmpty()) {
        log.accept("unchanged  " + String.join(", ", unchanged));
      }
      new RolloutWatch(client, namespace(), log, timeout, poll)
          .awaitReady(
              desired.stream()
                  .filter(o -> o instanceof Deployment)
                  .map(o -> (Deployment) o)
                  .toList());
      changed.addAll(prune(app, desired));
      return new DeployResult(changed, unchanged, null);
    } catch (DeployException e) {
      throw rollBack(e.getMessage(), e.getCause(), applied, before);
    } catch (KubernetesClientException e) {
      throw rollBack(errors().explain(e, "apply", e.getFullResourceName()), e, applied, before);
    }
  }

  /**
   * Deletes every object of the app that Dyninka manages in the namespace, found by label among the
   * kinds an app is made of, in the reverse order of their apply.
   */
  public List<String> undeploy(String app) throws DeployException {
    try {
      List<String> deleted = new ArrayList<>();
      for (HasMetadata object : deployed(app)) {
        client.resource(object).delete();
        deleted.add(key(object));
        log.accept("deleted    " + key(object));
      }
      return deleted;
    } catch (KubernetesClientException e) {
      throw new DeployException(
          errors().explain(e, "delete", e.getFullResourceName()), List.of(), e);
    }
  }

  /**
   * Every object of the app that Dyninka manages in the namespace, found by label among the kinds
   * an app is made of, in the reverse order of their apply: what acts on the pods first, so that an
   * autoscaler never scales a Deployment being deleted.
   */
  private List<HasMetadata> deployed(String app) {
    Map<String, String> selector = Labels.ofApp(app);
    List<HasMetadata> found = new ArrayList<>(DeployedWatchers.find(client, namespace(), selector));
    List<Class<? extends HasMetadata>> kinds = new ArrayList<>(KubernetesModel.KINDS);
    Collections.reverse(kinds);
    for (Class<? extends HasMetadata> kind : kinds) {
      found.addAll(
          client.resources(kind).inNamespace(namespace()).withLabels(selector).list().getItems());
    }
    return found;
  }

  /**
   * Deletes what an earlier deploy of the app made and this one no longer has (the Deployments of
   * an old grouping, say), once the new objects are ready; returns their keys.
   */
  private List<String> prune(String app, List<HasMetadata> desired) {
    java.util.Set<String> wanted = new java.util.HashSet<>();
    desired.forEach(o -> wanted.add(key(o)));
    List<String> deleted = new ArrayList<>();
    for (HasMetadata object : deployed(app)) {
      if (!wanted.contains(key(object))) {
        client.resource(object).delete();
        deleted.add(key(object));
        log.accept("deleted    " + key(object));
      }
    }
    return deleted;
  }

  private HasMetadata inNamespace(HasMetadata object) {
    object.getMetadata().setNamespace(namespace());
    return object;
  }

  private HasMetadata live(HasMetadata object) throws DeployException {
    try {
      return client.resource(object).get();
    } catch (KubernetesClientException e) {
      throw new DeployException(errors().explain(e, "get", key(object)), List.of(), e);
    }
  }

  private void apply(HasMetadata object, String verb) throws DeployException {
    try {
      client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      throw new DeployException(errors().explain(e, verb, key(object)), List.of(), e);
    }
  }

  private KubernetesApiErrors errors() {
    return new KubernetesApiErrors(String.valueOf(client.getMasterUrl()), namespace());
  }

  private DeployException rollBack(
      String reason, Throwable cause, List<HasMetadata> applied, Map<String, HasMetadata> before) {
    List<String> appliedKeys = applied.stream().map(KubernetesDeployer::key).toList();
    List<String> notRestored = new ArrayList<>();
    for (int i = applied.size() - 1; i >= 0; i--) {
      HasMetadata object = applied.get(i);
      HasMetadata previous = before.get(key(object));
      try {
        if (previous == null) {
          client.resource(object).delete();
        } else {
          client
              .resource(restorable(previous))
              .fieldManager(FIELD_MANAGER)
              .forceConflicts()
              .serverSideApply();
        }
      } catch (KubernetesClientException e) {
        notRestored.add(key(object) + " (" + e.getMessage() + ")");
      }
    }
    StringBuilder message = new StringBuilder(reason);
    if (appliedKeys.isEmpty()) {
      message.append(" Nothing had been applied.");
    } else {
      message
          .append(" Applied before the failure: ")
          .append(String.join(", ", appliedKeys))
          .append(';');
      message.append(
          notRestored.isEmpty()
              ? " all of it was rolled back (new objects deleted, changed ones restored)."
              : " rolled back except "
                  + String.join(", ", notRestored)
                  + ": remove those with 'mvn dyninka:undeploy'.");
    }
    log.accept(
        "deploy failed; "
            + (appliedKeys.isEmpty()
                ? "nothing to roll back"
                : "rolled back " + appliedKeys.size() + " objects"));
    return new DeployException(message.toString(), appliedKeys, cause);
  }

  /** A live object as it can be applied again: without what the server owns. */
  private static HasMetadata restorable(HasMetadata live) {
    HasMetadata copy = Serialization.clone(live);
    ObjectMeta meta = copy.getMetadata();
    meta.setResourceVersion(null);
    meta.setUid(null);
    meta.setCreationTimestamp(null);
    meta.setGeneration(null);
    meta.setManagedFields(null);
    if (copy instanceof Deployment d) {
      d.setStatus(null);
    } else if (copy instanceof io.fabric8.kubernetes.api.model.Service s) {
      s.setStatus(null);
    }
    return copy;
  }

  static String key(HasMetadata object) {
    return object.getKind() + "/" + object.getMetadata().getName();
  }
}
