package io.dyninka.processor.writing;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import java.util.List;

/**
 * The text of an app manifest, exactly as {@link AppManifest#encode()} writes it (Jackson's default
 * pretty printer), without loading a JSON library into the compiler: that class loading was a
 * visible part of the processor's cost in a cold javac. ManifestTextTest holds the two to the same
 * bytes.
 */
final class ManifestText {

  private final StringBuilder out = new StringBuilder(1024);

  private ManifestText() {}

  static String of(AppManifest manifest) {
    ManifestText text = new ManifestText();
    text.appManifest(manifest);
    return text.out.append('\n').toString();
  }

  private void appManifest(AppManifest manifest) {
    out.append("{\n");
    stringField(1, "app", manifest.app(), ",\n");
    stringField(1, "source", manifest.source(), ",\n");
    name(1, "services");
    List<ServiceManifest> services = manifest.services();
    out.append('[');
    for (int i = 0; i < services.size(); i++) {
      out.append(i == 0 ? " " : ", ");
      service(services.get(i));
    }
    out.append(" ],\n");
    stringField(1, "sink", manifest.sink(), "\n");
    out.append('}');
  }

  private void service(ServiceManifest service) {
    out.append("{\n");
    stringField(2, "name", service.name(), ",\n");
    stringField(2, "kubeName", service.kubeName(), ",\n");
    stringField(2, "mainClass", service.mainClass(), ",\n");
    name(2, "inputs");
    out.append('[');
    List<InputManifest> inputs = service.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      out.append(i == 0 ? " {\n" : ", {\n");
      stringField(3, "from", inputs.get(i).from(), ",\n");
      stringField(3, "type", inputs.get(i).type(), "\n");
      indent(2).append('}');
    }
    out.append(" ],\n");
    stringField(2, "output", service.output(), ",\n");
    stringField(2, "kind", service.kind().name(), ",\n");
    name(2, "placed");
    out.append('[');
    List<String> placed = service.placed();
    for (int i = 0; i < placed.size(); i++) {
      out.append(i == 0 ? " " : ", ");
      string(placed.get(i));
    }
    out.append(" ],\n");
    name(2, "stateful");
    out.append(service.stateful()).append(",\n");
    name(2, "blocking");
    out.append(service.blocking()).append(",\n");
    name(2, "idempotent");
    out.append(service.idempotent());
    List<String> shares = service.shares();
    if (!shares.isEmpty()) {
      out.append(",\n");
      name(2, "shares");
      out.append('[');
      for (int i = 0; i < shares.size(); i++) {
        out.append(i == 0 ? " " : ", ");
        string(shares.get(i));
      }
      out.append(" ]");
    }
    out.append('\n');
    indent(1).append('}');
  }

  private void stringField(int level, String name, String value, String after) {
    name(level, name);
    string(value);
    out.append(after);
  }

  private void name(int level, String name) {
    indent(level);
    string(name);
    out.append(" : ");
  }

  private StringBuilder indent(int level) {
    return out.append("  ".repeat(level));
  }

  private void string(String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
