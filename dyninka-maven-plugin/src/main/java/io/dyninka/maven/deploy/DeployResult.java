package io.dyninka.maven.deploy;

import java.util.List;

/**
 * What a deploy did.
 *
 * @param changed the objects created or changed, as {@code Kind/name}
 * @param unchanged the objects that already were as wanted
 * @param entry where clients reach the app's sink, when known
 */
public record DeployResult(List<String> changed, List<String> unchanged, String entry) {
  public DeployResult {
    changed = List.copyOf(changed);
    unchanged = List.copyOf(unchanged);
  }
}
