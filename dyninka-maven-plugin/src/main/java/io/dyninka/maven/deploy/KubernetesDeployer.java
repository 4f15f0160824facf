package io.dyninka.maven.deploy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.resources.KubernetesResources;
import io.dyninka.maven.resources.Labels;
import io.dyninka.maven.resources.ResourceSettings;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

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
  private static final Set<String> IMAGE_ERRORS =
      Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");

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
    DeployResult result =
        deploy(app.app(), KubernetesResources.withDefaultSteps().generate(app, settings));
    return new DeployResult(
        result.changed(),
        result.unchanged(),
        "http://" + app.sinkService().kubeName() + "." + namespace() + ".svc/");
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
    List<HasMetadata> desired = objects.stream().map(o -> prepare(Serialization.clone(o))).toList();
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
        if (current != null && hash(object).equals(annotation(current, Labels.CONFIG_HASH))) {
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
      waitUntilReady(
          desired.stream().filter(o -> o instanceof Deployment).map(o -> (Deployment) o).toList());
      return new DeployResult(changed, unchanged, null);
    } catch (DeployException e) {
      throw rollBack(e.getMessage(), e.getCause(), applied, before);
    } catch (KubernetesClientException e) {
      throw rollBack(explain(e, "apply", e.getFullResourceName()), e, applied, before);
    }
  }

  /** Deletes every object of the app that Dyninka manages in the namespace, found by label. */
  public List<String> undeploy(String app) throws DeployException {
    Map<String, String> selector = Labels.ofApp(app);
    List<HasMetadata> found = new ArrayList<>();
    try {
      found.addAll(
          client
              .apps()
              .deployments()
              .inNamespace(namespace())
              .withLabels(selector)
              .list()
              .getItems());
      found.addAll(
          client.services().inNamespace(namespace()).withLabels(selector).list().getItems());
      found.addAll(
          client
              .network()
              .v1()
              .networkPolicies()
              .inNamespace(namespace())
              .withLabels(selector)
              .list()
              .getItems());
      List<String> deleted = new ArrayList<>();
      for (HasMetadata object : found) {
        client.resource(object).delete();
        deleted.add(key(object));
        log.accept("deleted    " + key(object));
      }
      return deleted;
    } catch (KubernetesClientException e) {
      throw new DeployException(explain(e, "delete", e.getFullResourceName()), List.of(), e);
    }
  }

  private HasMetadata prepare(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    meta.setNamespace(namespace());
    Map<String, String> annotations =
        new LinkedHashMap<>(meta.getAnnotations() == null ? Map.of() : meta.getAnnotations());
    annotations.remove(Labels.CONFIG_HASH);
    meta.setAnnotations(annotations);
    // The hash covers the object without it; the map is the one now set on the object.
    annotations.put(Labels.CONFIG_HASH, hashOf(object));
    return object;
  }

  private HasMetadata live(HasMetadata object) throws DeployException {
    try {
      return client.resource(object).get();
    } catch (KubernetesClientException e) {
      throw new DeployException(explain(e, "get", key(object)), List.of(), e);
    }
  }

  private void apply(HasMetadata object, String verb) throws DeployException {
    try {
      client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      throw new DeployException(explain(e, verb, key(object)), List.of(), e);
    }
  }

  private void waitUntilReady(List<Deployment> deployments) throws DeployException {
    ReadinessWait wait = new ReadinessWait(log, timeout, poll);
    while (true) {
      List<String> ready = new ArrayList<>();
      List<String> waiting = new ArrayList<>();
      for (Deployment wanted : deployments) {
        Deployment d =
            client
                .apps()
                .deployments()
                .inNamespace(namespace())
                .withName(wanted.getMetadata().getName())
                .get();
        String name = wanted.getMetadata().getName();
        if (d == null) {
          throw new DeployException(
              "Deployment " + name + " disappeared while waiting for it to be ready");
        }
        if (isReady(d)) {
          ready.add(name);
        } else {
          checkPods(d);
          DeploymentStatus s = d.getStatus();
          int readyReplicas = s == null || s.getReadyReplicas() == null ? 0 : s.getReadyReplicas();
          waiting.add(name + " (" + readyReplicas + "/" + replicas(d) + ")");
        }
      }
      if (wait.settled(
          ready,
          waiting,
          deployments.size(),
          "Not every service got ready",
          () ->
              "See 'kubectl -n "
                  + namespace()
                  + " describe deployment "
                  + waiting.get(0).replaceFirst(" .*", "")
                  + "' and its pods' logs.")) {
        return;
      }
      wait.pause("the services to be ready");
    }
  }

  static boolean isReady(Deployment d) {
    DeploymentStatus s = d.getStatus();
    if (s == null) {
      return false;
    }
    long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    int want = replicas(d);
    return s.getObservedGeneration() != null
        && s.getObservedGeneration() >= generation
        && orZero(s.getUpdatedReplicas()) >= want
        && orZero(s.getReadyReplicas()) >= want
        && orZero(s.getReplicas()) <= orZero(s.getUpdatedReplicas());
  }

  /** Fails fast when a pod of the Deployment cannot pull its image or keeps crashing. */
  private void checkPods(Deployment d) throws DeployException {
    Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
    for (Pod pod : client.pods().inNamespace(namespace()).withLabels(selector).list().getItems()) {
      if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
        continue;
      }
      for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
        if (cs.getState() == null || cs.getState().getWaiting() == null) {
          continue;
        }
        String reason = cs.getState().getWaiting().getReason();
        String image = d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        if (IMAGE_ERRORS.contains(reason)) {
          throw new DeployException(
              "The image of "
                  + d.getMetadata().getName()
                  + " cannot be pulled ("
                  + reason
                  + "): "
                  + image
                  + ". Build and push it with 'mvn package dyninka:build -Ddyninka.image.registry=<a registry the"
                  + " cluster can pull from>', and check the cluster's pull secrets.");
        }
        if ("CrashLoopBackOff".equals(reason)) {
          throw new DeployException(
              "Service "
                  + d.getMetadata().getName()
                  + " keeps crashing (CrashLoopBackOff): see 'kubectl -n "
                  + namespace()
                  + " logs "
                  + pod.getMetadata().getName()
                  + "'.");
        }
      }
    }
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

  /** A message that says what went wrong and what to fix, for the errors users meet. */
  String explain(KubernetesClientException e, String verb, String what) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof SSLException
          || t instanceof java.net.http.HttpConnectTimeoutException
          || t instanceof java.net.NoRouteToHostException) {
        return "No Kubernetes cluster reachable at "
            + client.getMasterUrl()
            + " ("
            + t.getMessage()
            + "). Check"
            + " 'kubectl cluster-info' and the current context of your kubeconfig, or choose another"
            + " target with -Ddyninka.target=podman|marathon|local.";
      }
    }
    String status =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getMessage();
    return switch (e.getCode()) {
      case 401 ->
          "The cluster at "
              + client.getMasterUrl()
              + " refused your credentials (401): log in again"
              + " or refresh the kubeconfig context.";
      case 403 ->
          "Forbidden to "
              + verb
              + " "
              + (what == null ? "objects" : what)
              + " in namespace "
              + namespace()
              + " (RBAC): "
              + status
              + ". Ask for a Role in that namespace that allows get, list, create, patch and"
              + " delete on deployments (apps), services (core), networkpolicies (networking.k8s.io) and list on"
              + " pods, or deploy to a namespace you own with -Ddyninka.namespace=….";
      case 404 ->
          "Not found while trying to "
              + verb
              + " "
              + what
              + ": "
              + status
              + ". Does namespace "
              + namespace()
              + " exist? Create it ('kubectl create namespace "
              + namespace()
              + "') or set -Ddyninka.namespace.";
      case 409 -> "Conflict while trying to " + verb + " " + what + ": " + status;
      case 422 -> "The cluster rejected " + what + " as invalid: " + status;
      default -> "Kubernetes refused to " + verb + " " + what + " (" + e.getCode() + "): " + status;
    };
  }

  static String key(HasMetadata object) {
    return object.getKind() + "/" + object.getMetadata().getName();
  }

  private static String annotation(HasMetadata object, String key) {
    Map<String, String> a = object.getMetadata().getAnnotations();
    return a == null ? null : a.get(key);
  }

  private static String hash(HasMetadata object) {
    return annotation(object, Labels.CONFIG_HASH);
  }

  static String hashOf(HasMetadata object) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Serialization.asJson(object).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int replicas(Deployment d) {
    return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }
}
