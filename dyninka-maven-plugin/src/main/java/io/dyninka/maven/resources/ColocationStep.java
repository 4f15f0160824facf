package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the tuned Deployments of the members of each group ({@code dyninka.colocate}) into one
 * Deployment per group, whose one container hosts the group; the split deployment is left exactly
 * as the earlier steps made it.
 *
 * <p>Every member keeps its Kubernetes Service, under its kube name, now selecting the group's pods
 * and forwarding to the member's own port: the rest of the app reaches it as before, and {@code
 * DYNINKA_PEERS} keeps its meaning. Member {@code i} of a group listens on the container port plus
 * {@code i}. The NetworkPolicies are computed again per group from the edges that cross groups: a
 * group admits the groups whose members pull from one of its members (and the sink's callers if it
 * holds the sink).
 *
 * <p>A group runs from its first member's image: every service image holds the whole app's class
 * output and dependencies (only the entrypoint's main class differs), so it holds every member. Its
 * entrypoint is kept, JVM flags and all: a service's main hosts the group {@code DYNINKA_GROUP}
 * names. The group gets the CPU of all its members ({@link GroupCompute}).
 */
final class ColocationStep implements ResourceStep {

  static final String GROUP_ENV = "DYNINKA_GROUP";
  static final String PORTS_ENV = "DYNINKA_PORTS";

  private static final int MAX_NAME = 63;

  @Override
  public String name() {
    return "colocation";
  }

  @Override
  public void apply(KubernetesModel model) {
    AppManifest app = model.app();
    Placement placement = model.settings().placementOf(app);
    if (placement.isSplit()) {
      return;
    }
    for (Placement.Group group : placement.groups()) {
      if (group.members().size() > 1) {
        fold(model, group);
      }
    }
    // the Deployments in the order of the groups, as the policies are
    Map<String, Deployment> folded = new LinkedHashMap<>();
    for (Placement.Group group : placement.groups()) {
      String key = group.members().size() == 1 ? group.members().get(0) : group.name();
      folded.put(key, model.deployments.get(key));
    }
    model.deployments.clear();
    model.deployments.putAll(folded);
    model.networkPolicies.clear();
    for (Placement.Group group : placement.groups()) {
      model.networkPolicies.put(group.name(), policy(model, placement, group));
    }
  }

  /** The name of a group's objects: its members' kube names joined by {@code --}. */
  static String kubeName(AppManifest app, Placement.Group group) {
    if (group.members().size() == 1) {
      return member(app, group.members().get(0)).kubeName();
    }
    String name =
        String.join("--", group.members().stream().map(m -> member(app, m).kubeName()).toList());
    if (name.length() <= MAX_NAME) {
      return name;
    }
    String hash = hash(name);
    return name.substring(0, MAX_NAME - hash.length() - 1).replaceAll("-+$", "") + "-" + hash;
  }

  /** The labels that select a group's pods. */
  static Map<String, String> selector(AppManifest app, Placement.Group group) {
    if (group.members().size() == 1) {
      return Labels.selector(app, member(app, group.members().get(0)));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.NAME, kubeName(app, group));
    labels.put(Labels.PART_OF, app.app());
    return labels;
  }

  /** The port member {@code service} listens on in its pod. */
  static int portOf(KubernetesModel model, Placement placement, String service) {
    return model.settings().containerPort() + placement.groupOf(service).members().indexOf(service);
  }

  private void fold(KubernetesModel model, Placement.Group group) {
    AppManifest app = model.app();
    Placement placement = model.settings().placementOf(app);
    List<ServiceManifest> members = group.members().stream().map(m -> member(app, m)).toList();
    String name = kubeName(app, group);
    Map<String, String> selector = selector(app, group);
    boolean pinned = !members.stream().allMatch(model.settings()::scalesOnKubernetes);
    boolean holdsSink = group.members().contains(app.sink());

    List<Container> containers = new ArrayList<>();
    for (ServiceManifest m : members) {
      containers.add(
          model.deployments.get(m.name()).getSpec().getTemplate().getSpec().getContainers().get(0));
    }
    Deployment deployment = model.deployments.get(members.get(0).name());
    for (ServiceManifest m : members) {
      model.deployments.remove(m.name());
    }
    rename(deployment.getMetadata(), name, group, holdsSink);
    rename(deployment.getSpec().getTemplate().getMetadata(), name, group, holdsSink);
    deployment.getSpec().getSelector().setMatchLabels(selector);
    deployment.getSpec().getTemplate().getMetadata().getLabels().putAll(selector);
    if (pinned) {
      // two JVMs would split the state of a stateful member without a store: one pod, replaced
      deployment.getSpec().setReplicas(1);
      deployment.getSpec().getStrategy().setType("Recreate");
      deployment.getSpec().getStrategy().setRollingUpdate(null);
    }

    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    container.setName(name);
    // No command: the image's own entrypoint, with the JVM flags it was built with, hosts the group
    // that DYNINKA_GROUP names.
    container.setResources(GroupCompute.of(containers));

    List<ContainerPort> ports = new ArrayList<>();
    List<String> portPairs = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      int port = portOf(model, placement, members.get(i).name());
      ports.add(
          new ContainerPortBuilder()
              .withName(ServiceObjectsStep.PORT_NAME + "-" + i)
              .withContainerPort(port)
              .withProtocol("TCP")
              .build());
      portPairs.add(members.get(i).name() + "=" + port);
    }
    container.setPorts(ports);
    List<EnvVar> env = environment(group, members, containers, String.join(",", portPairs));
    List<EnvFromSource> envFrom = environmentSources(containers);
    container.setEnv(env);
    container.setEnvFrom(envFrom);

    // One container has one probe of each kind; the members start in the app's order, in one
    // JVM, so the last of them ready means every member is, and its liveness is the process's.
    String lastStarted =
        app.services().stream()
            .map(ServiceManifest::name)
            .filter(group.members()::contains)
            .reduce((first, second) -> second)
            .orElseThrow();
    IntOrString probed = new IntOrString(portOf(model, placement, lastStarted));
    for (Probe probe :
        new Probe[] {
          container.getReadinessProbe(), container.getLivenessProbe(), container.getStartupProbe()
        }) {
      if (probe != null && probe.getHttpGet() != null) {
        probe.getHttpGet().setPort(probed);
      }
    }
    Map<String, String> podAnnotations =
        deployment.getSpec().getTemplate().getMetadata().getAnnotations();
    if (podAnnotations != null && podAnnotations.containsKey(ScrapeAnnotationsStep.PORT)) {
      podAnnotations.put(
          ScrapeAnnotationsStep.PORT,
          Integer.toString(portOf(model, placement, members.get(0).name())));
    }
    model.deployments.put(group.name(), deployment);

    for (ServiceManifest m : members) {
      Service service = model.services.get(m.name());
      service.getSpec().setSelector(selector);
      service
          .getSpec()
          .getPorts()
          .forEach(p -> p.setTargetPort(new IntOrString(portOf(model, placement, m.name()))));
    }
    regroupAutoscalers(model, group, members, name, selector, pinned);
  }

  /** The members' variables, which one process must agree on, and the group's own two. */
  private static List<EnvVar> environment(
      Placement.Group group,
      List<ServiceManifest> members,
      List<Container> containers,
      String ports) {
    List<Map<String, EnvVar>> byMember = new ArrayList<>();
    for (Container c : containers) {
      Map<String, EnvVar> own = new LinkedHashMap<>();
      (c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()).forEach(v -> own.put(v.getName(), v));
      byMember.add(own);
    }
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVarBuilder().withName(GROUP_ENV).withValue(group.name()).build());
    env.add(new EnvVarBuilder().withName(PORTS_ENV).withValue(ports).build());
    env.addAll(
        GroupEnvironment.merge(
                group.name(), members.stream().map(ServiceManifest::name).toList(), byMember)
            .values());
    return env;
  }

  /** The Secrets and ConfigMaps of every member, each once. */
  private static List<EnvFromSource> environmentSources(List<Container> containers) {
    Set<EnvFromSource> sources = new LinkedHashSet<>();
    for (Container c : containers) {
      if (c.getEnvFrom() != null) {
        sources.addAll(c.getEnvFrom());
      }
    }
    return sources.isEmpty() ? null : new ArrayList<>(sources);
  }

  private static void rename(
      ObjectMeta meta, String name, Placement.Group group, boolean holdsSink) {
    if (meta.getName() != null) {
      meta.setName(name);
    }
    if (meta.getLabels() != null) {
      meta.getLabels().put(Labels.NAME, name);
      meta.getLabels().put(Labels.COMPONENT, holdsSink ? "sink" : "service");
    }
    if (meta.getAnnotations() != null) {
      meta.getAnnotations().put(Labels.SERVICE, group.name());
    }
  }

  /**
   * One autoscaler for a group whose members may all scale, in place of the members' own; none when
   * a member is stateful without a store (its group keeps one pod).
   */
  private static void regroupAutoscalers(
      KubernetesModel model,
      Placement.Group group,
      List<ServiceManifest> members,
      String name,
      Map<String, String> selector,
      boolean pinned) {
    Set<String> memberNames = new LinkedHashSet<>();
    members.forEach(m -> memberNames.add(m.kubeName()));
    HorizontalPodAutoscaler first = null;
    List<HasMetadata> kept = new ArrayList<>();
    for (HasMetadata watcher : model.watchers) {
      if (watcher instanceof HorizontalPodAutoscaler hpa
          && memberNames.contains(hpa.getSpec().getScaleTargetRef().getName())) {
        first = first == null ? hpa : first;
      } else {
        kept.add(watcher);
      }
    }
    if (first != null && !pinned) {
      rename(first.getMetadata(), name, group, group.members().contains(model.app().sink()));
      first.getMetadata().getLabels().putAll(selector);
      first.getSpec().getScaleTargetRef().setName(name);
      kept.add(first);
    }
    model.watchers.clear();
    model.watchers.addAll(kept);
  }

  /** A group's policy: ingress from the groups that pull from its members, on their ports. */
  private static NetworkPolicy policy(
      KubernetesModel model, Placement placement, Placement.Group group) {
    AppManifest app = model.app();
    List<NetworkPolicyPeer> from = new ArrayList<>();
    if (group.members().contains(app.sink())) {
      from.addAll(NetworkPolicyStep.sinkCallers(model.settings().pods()));
    }
    Set<String> callers = new LinkedHashSet<>();
    for (Placement.Edge edge : placement.crossingEdges(app)) {
      if (group.members().contains(edge.upstream())) {
        callers.add(placement.groupOf(edge.downstream()).name());
      }
    }
    for (Placement.Group caller : placement.groups()) {
      if (callers.contains(caller.name())) {
        from.add(
            new NetworkPolicyPeerBuilder()
                .withNewPodSelector()
                .withMatchLabels(selector(app, caller))
                .endPodSelector()
                .build());
      }
    }
    List<NetworkPolicyPort> ports = new ArrayList<>();
    if (group.members().size() == 1) {
      ports.add(port(new IntOrString(ServiceObjectsStep.PORT_NAME)));
    } else {
      for (String m : group.members()) {
        ports.add(port(new IntOrString(portOf(model, placement, m))));
      }
    }
    ServiceManifest first = member(app, group.members().get(0));
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.NAME, kubeName(app, group));
    labels.putAll(Labels.ofApp(app));
    labels.put(Labels.COMPONENT, group.members().contains(app.sink()) ? "sink" : "service");
    if (model.settings().version() != null && !model.settings().version().isBlank()) {
      labels.put(Labels.VERSION, model.settings().version().replaceAll("[^A-Za-z0-9_.-]", "_"));
    }
    NetworkPolicyBuilder policy =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName(kubeName(app, group))
            .withLabels(labels)
            .withAnnotations(
                Map.of(Labels.SERVICE, group.members().size() == 1 ? first.name() : group.name()))
            .endMetadata()
            .withNewSpec()
            .withNewPodSelector()
            .withMatchLabels(selector(app, group))
            .endPodSelector()
            .withPolicyTypes("Ingress")
            .endSpec();
    // No caller at all: no rule, so nothing may call (a rule without peers would admit anyone).
    if (!from.isEmpty()) {
      policy.editSpec().addNewIngress().withFrom(from).withPorts(ports).endIngress().endSpec();
    }
    return policy.build();
  }

  private static NetworkPolicyPort port(IntOrString port) {
    return new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(port).build();
  }

  private static ServiceManifest member(AppManifest app, String name) {
    return app.service(name).orElseThrow();
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
