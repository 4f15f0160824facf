package io.dyninka.maven.deploy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.resources.ResourceSettings;
import java.util.List;

/**
 * An orchestrator an app is deployed to, chosen once from the detected target. Closing it releases
 * what it holds (the Kubernetes client and its event loops) before the goal returns.
 */
public interface Deployer extends AutoCloseable {

  /** Applies the app's resources and waits until every service is ready. */
  DeployResult deploy(AppManifest app, ResourceSettings settings) throws DeployException;

  /** Removes everything of the app this target holds; returns what was removed. */
  List<String> undeploy(AppManifest app) throws DeployException;

  @Override
  default void close() {}
}
