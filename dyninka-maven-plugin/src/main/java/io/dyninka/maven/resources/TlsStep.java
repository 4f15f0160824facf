package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.maven.tls.TlsSettings;
import io.dyninka.runtime.tls.SinkTls;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketActionBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mutual TLS of each process ({@code dyninka.tls}): its Deployment mounts the Secret of its
 * certificate, key and the app's CA read-only at {@value #MOUNT_PATH}, and sets {@code
 * DYNINKA_TLS_*} to the files (and {@code DYNINKA_SINK_TLS} where the sink runs). The Secrets hold
 * private keys, so they are never written here: {@code dyninka:deploy} or cert-manager makes them.
 *
 * <p>The kubelet presents no client certificate, so a probe of a service that requires one is a TCP
 * probe of its port; a sink that asks none of its clients keeps its HTTP(S) probes. Runs after
 * {@link ColocationStep}: a group's process has one certificate naming every member.
 */
public final class TlsStep implements ResourceStep {

  static final String VOLUME = "dyninka-tls";
  static final String MOUNT_PATH = "/etc/dyninka/tls";
  static final String CERT = MOUNT_PATH + "/tls.crt";
  static final String KEY = MOUNT_PATH + "/tls.key";
  static final String CA = MOUNT_PATH + "/ca.crt";

  /** Owner and group read: the pod's fsGroup makes the files the service user's group's. */
  private static final int FILE_MODE = 0440;

  @Override
  public String name() {
    return "tls";
  }

  @Override
  public void apply(KubernetesModel model) {
    TlsSettings tls = model.settings().tls();
    if (!tls.enabled()) {
      return;
    }
    AppManifest app = model.app();
    for (Placement.Group group : model.settings().placementOf(app).groups()) {
      Deployment deployment = model.deployments.get(deploymentKey(group));
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();
      if (pod.getVolumes() == null) {
        pod.setVolumes(new ArrayList<>());
      }
      pod.getVolumes()
          .add(
              new VolumeBuilder()
                  .withName(VOLUME)
                  .withNewSecret()
                  .withSecretName(secretName(app, group))
                  .withDefaultMode(FILE_MODE)
                  .endSecret()
                  .build());
      if (pod.getSecurityContext() != null && pod.getSecurityContext().getFsGroup() == null) {
        pod.getSecurityContext().setFsGroup(pod.getSecurityContext().getRunAsGroup());
      }
      Container c = pod.getContainers().get(0);
      if (c.getVolumeMounts() == null) {
        c.setVolumeMounts(new ArrayList<>());
      }
      c.getVolumeMounts()
          .add(
              new VolumeMountBuilder()
                  .withName(VOLUME)
                  .withMountPath(MOUNT_PATH)
                  .withReadOnly(true)
                  .build());
      if (c.getEnv() == null) {
        c.setEnv(new ArrayList<>());
      }
      environment(app, group, tls).forEach((name, value) -> c.getEnv().add(env(name, value)));
      SinkTls probed =
          probedMember(app, group).equals(app.sink()) ? tls.sinkPolicy() : SinkTls.MTLS;
      for (Probe probe :
          new Probe[] {c.getReadinessProbe(), c.getLivenessProbe(), c.getStartupProbe()}) {
        secure(probe, probed);
      }
    }
  }

  /** The variables of the process of {@code group}. */
  static Map<String, String> environment(AppManifest app, Placement.Group group, TlsSettings tls) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DYNINKA_TLS_CERT", CERT);
    env.put("DYNINKA_TLS_KEY", KEY);
    env.put("DYNINKA_TLS_CA", CA);
    if (group.members().contains(app.sink())) {
      env.put("DYNINKA_SINK_TLS", TlsSettings.name(tls.sinkPolicy()));
    }
    return env;
  }

  /** The Secret of the certificate of the process of {@code group}. */
  public static String secretName(AppManifest app, Placement.Group group) {
    return ColocationStep.kubeName(app, group) + "-tls";
  }

  /** The key of a group's Deployment in the model, after {@link ColocationStep}. */
  static String deploymentKey(Placement.Group group) {
    return group.members().size() == 1 ? group.members().get(0) : group.name();
  }

  /** The member whose port the probes reach: the last to start, as {@link ColocationStep} says. */
  private static String probedMember(AppManifest app, Placement.Group group) {
    return app.services().stream()
        .map(ServiceManifest::name)
        .filter(group.members()::contains)
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  private static void secure(Probe probe, SinkTls policy) {
    if (probe == null || probe.getHttpGet() == null || policy == SinkTls.PLAIN) {
      return;
    }
    if (policy == SinkTls.TLS) {
      probe.getHttpGet().setScheme("HTTPS");
      return;
    }
    // Without a client certificate a TLS handshake with the service fails: the port is the probe.
    probe.setTcpSocket(new TCPSocketActionBuilder().withPort(probe.getHttpGet().getPort()).build());
    probe.setHttpGet(null);
  }

  private static io.fabric8.kubernetes.api.model.EnvVar env(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }
}
