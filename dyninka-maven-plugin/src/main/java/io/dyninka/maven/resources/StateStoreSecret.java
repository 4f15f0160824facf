package io.dyninka.maven.resources;

import java.util.regex.Pattern;

/**
 * The Kubernetes Secret that holds the address of the state store ({@code
 * dyninka.stateStore.secret} and {@code dyninka.stateStore.secretKey}): the stateful services read
 * {@code DYNINKA_STATE_STORE} from it, so the address, and any password in it, never appears in the
 * generated YAML. With one, a stateful service scales and rolls like a stateless one.
 *
 * @param name the Secret, in the app's namespace
 * @param key the Secret's key whose value is {@code redis://host:port[/db]} or {@code rediss://…}
 */
public record StateStoreSecret(String name, String key) {

  public static final String SECRET = "dyninka.stateStore.secret";
  public static final String KEY = "dyninka.stateStore.secretKey";
  public static final String DEFAULT_KEY = "DYNINKA_STATE_STORE";

  /** The runtime's settings, which the Secret's keys of the same names give. */
  static final String ADDRESS_ENV = "DYNINKA_STATE_STORE";

  static final String PASSWORD_ENV = "DYNINKA_STATE_STORE_PASSWORD";

  // Kubernetes' rules for a Secret's name (a DNS subdomain) and for a key of its data.
  private static final Pattern SECRET_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  public StateStoreSecret {
    if (name == null || name.length() > 253 || !SECRET_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          SECRET
              + " must name a Secret (lower-case letters, digits, '-' and '.'), not '"
              + name
              + "'");
    }
    if (key == null || key.length() > 253 || !SECRET_KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          KEY
              + " must be a key of Secret "
              + name
              + " (letters, digits, '-', '_', '.'), not '"
              + key
              + "'");
    }
  }

  /**
   * The Secret the properties name, or null without one: a blank name means no store.
   *
   * @throws IllegalArgumentException naming the property that is wrong
   */
  public static StateStoreSecret of(String name, String key) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return new StateStoreSecret(
        name.strip(), key == null || key.isBlank() ? DEFAULT_KEY : key.strip());
  }
}
