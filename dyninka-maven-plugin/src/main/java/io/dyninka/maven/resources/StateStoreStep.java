package io.dyninka.maven.resources;

import io.dyninka.manifest.ServiceManifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;

/**
 * Gives each stateful service the state store's address from its Secret ({@code secretKeyRef}): the
 * YAML names the Secret, never the address. The password, if the Secret has a {@code
 * DYNINKA_STATE_STORE_PASSWORD} key, comes from it too; a stateless service gets neither, as it has
 * no use for them. Without a store, nothing changes.
 */
final class StateStoreStep implements ResourceStep {

  @Override
  public String name() {
    return "state-store";
  }

  @Override
  public void apply(KubernetesModel model) {
    StateStoreSecret secret = model.settings().stateStore();
    if (secret == null) {
      return;
    }
    for (ServiceManifest s : model.app().services()) {
      if (!s.stateful()) {
        continue;
      }
      Container c = model.deployment(s).getSpec().getTemplate().getSpec().getContainers().get(0);
      if (c.getEnv() == null) {
        c.setEnv(new ArrayList<>());
      }
      c.getEnv().add(fromSecret(StateStoreSecret.ADDRESS_ENV, secret.name(), secret.key(), false));
      c.getEnv()
          .add(
              fromSecret(
                  StateStoreSecret.PASSWORD_ENV,
                  secret.name(),
                  StateStoreSecret.PASSWORD_ENV,
                  true));
    }
  }

  private static EnvVar fromSecret(String variable, String secret, String key, boolean optional) {
    return new EnvVarBuilder()
        .withName(variable)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .withOptional(optional ? Boolean.TRUE : null)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }
}
