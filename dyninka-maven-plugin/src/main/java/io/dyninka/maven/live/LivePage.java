package io.dyninka.maven.live;

import java.nio.charset.StandardCharsets;

/** The live page: static HTML with the app's graph in it and a little script that polls. */
final class LivePage {

  private LivePage() {}

  static byte[] html(String app, String svg) {
    String graph = svg.replaceFirst("^<\\?xml[^>]*>\\s*", "");
    return LiveServer.resource("live.html")
        .replace("{{app}}", escape(app))
        .replace("{{graph}}", graph)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
