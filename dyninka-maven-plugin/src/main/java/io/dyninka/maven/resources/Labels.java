package io.dyninka.maven.resources;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels Dyninka puts on what it deploys, and finds it again by. */
public final class Labels {

  public static final String NAME = "app.kubernetes.io/name";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String VERSION = "app.kubernetes.io/version";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String MANAGER = "dyninka";

  /** The service name as the app knows it ({@code filterTemperature}), next to its kube name. */
  public static final String SERVICE = "io.dyninka/service";

  /** The digest of the image a Deployment runs, so a reader sees what is deployed. */
  public static final String IMAGE_DIGEST = "io.dyninka/image-digest";

  /** A hash of what was applied: a redeploy that changes nothing touches nothing. */
  public static final String CONFIG_HASH = "io.dyninka/config-hash";

  private Labels() {}

  /** What every object of the app carries: the selector of {@code dyninka:undeploy}. */
  public static Map<String, String> ofApp(AppManifest app) {
    return ofApp(app.app());
  }

  /** What every object of the app named {@code app} carries. */
  public static Map<String, String> ofApp(String app) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PART_OF, app);
    labels.put(MANAGED_BY, MANAGER);
    return labels;
  }

  /** The app's name as a Kubernetes object name: lower case letters, digits and dashes. */
  public static String objectName(String app) {
    return ServiceMonitorStep.objectName(app);
  }

  /** What selects the pods of one service. */
  public static Map<String, String> selector(AppManifest app, ServiceManifest service) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, service.kubeName());
    labels.put(PART_OF, app.app());
    return labels;
  }
}
