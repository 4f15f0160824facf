package io.dyninka.maven.run;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import java.net.URI;
import java.util.Optional;

/**
 * The curl command that calls a running app: a GET when its head needs nothing from the client, a
 * POST of a JSON skeleton of the head's input type when it reads the request body ({@code
 * Flow.input}), where a GET would answer 400.
 */
public final class EntryCommand {

  private EntryCommand() {}

  public static String curl(AppManifest app, URI entry, RequestSkeleton skeleton) {
    return curl(app, entry, skeleton, "");
  }

  /**
   * The command with curl's {@code options} before the URL ({@code --cacert …} for a sink that
   * speaks TLS).
   */
  public static String curl(AppManifest app, URI entry, RequestSkeleton skeleton, String options) {
    String curl = options.isBlank() ? "curl " : "curl " + options + " ";
    Optional<InputManifest> body =
        app.services().get(0).inputs().stream().filter(i -> i.from() == null).findFirst();
    if (body.isEmpty()) {
      return curl + entry;
    }
    String type = body.get().type();
    String json = skeleton.json(type).orElse("<a JSON " + type + ">");
    return curl
        + entry
        + " -H 'Content-Type: application/json' -d '"
        + json.replace("'", "'\\''")
        + "'";
  }
}
