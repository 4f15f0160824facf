package io.dyninka.runtime.state;

import io.vertx.redis.client.RedisOptions;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The {@code DYNINKA_STATE_STORE} setting: {@code redis://host:port[/db]} or {@code rediss://…}
 * (TLS), with a password from {@code DYNINKA_STATE_STORE_PASSWORD} or the URL's userinfo. Checked
 * at start, so a mistyped address stops the service instead of failing every call.
 */
public final class StoreAddress {

  private final URI uri;
  private final String password;

  private StoreAddress(URI uri, String password) {
    this.uri = uri;
    this.password = password;
  }

  /**
   * @throws IllegalArgumentException naming the setting and what it accepts
   */
  public static StoreAddress parse(String url, String password) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw invalid(url, e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss"))) {
      throw invalid(url, "the scheme must be redis:// or rediss://");
    }
    if (uri.getHost() == null || uri.getPort() <= 0) {
      throw invalid(url, "it needs a host and a port");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (!path.isEmpty() && !path.matches("/\\d{0,2}")) {
      throw invalid(url, "the path, if any, is a database number such as /0");
    }
    String secret = password;
    if ((secret == null || secret.isEmpty()) && uri.getUserInfo() != null) {
      String info = uri.getUserInfo();
      secret = info.substring(info.indexOf(':') + 1);
    }
    return new StoreAddress(uri, secret == null || secret.isEmpty() ? null : secret);
  }

  private static IllegalArgumentException invalid(String url, String why) {
    return new IllegalArgumentException(
        "DYNINKA_STATE_STORE must be redis://host:port[/db] or rediss://host:port[/db], not '"
            + redact(url)
            + "': "
            + why);
  }

  private static String redact(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }

  /** The address without its userinfo: safe in messages and problem details. */
  public String display() {
    String path = uri.getPath() == null ? "" : uri.getPath();
    return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + path;
  }

  RedisOptions options() {
    RedisOptions options = new RedisOptions().setConnectionString(display());
    if (password != null) {
      options.setPassword(password);
    }
    return options;
  }
}
