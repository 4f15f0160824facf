package io.dyninka.processor.index;

import io.dyninka.manifest.ServiceManifest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One service of an indexed app: the method it calls and where its inputs come from.
 *
 * @param name the service name
 * @param declaringClass the canonical name of the class that declares its method
 * @param method the method name
 * @param arity how many parameters the method takes, to tell overloads apart
 * @param kind how it answered when it was written, which is how its step was written
 * @param inputs the upstream service of each input, {@code null} for the request body
 */
public record IndexedService(
    String name,
    String declaringClass,
    String method,
    int arity,
    ServiceManifest.Kind kind,
    List<String> inputs) {

  /** Where a request-body input comes from; no service name (a DNS label) looks like it. */
  private static final String REQUEST_BODY = "<body>";

  public IndexedService {
    // Not List.copyOf, which refuses the null of a request-body input.
    inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
  }

  /** {@code service <name> <class> <method> <arity> <kind> <inputs>}, tab-separated. */
  String toLine() {
    List<String> from = new ArrayList<>();
    inputs.forEach(input -> from.add(input == null ? REQUEST_BODY : input));
    return String.join(
        "\t",
        "service",
        name,
        declaringClass,
        method,
        Integer.toString(arity),
        kind.name(),
        String.join(",", from));
  }

  /** Reads the fields of {@link #toLine} after the {@code service} word. */
  static IndexedService fromFields(String[] fields) {
    List<String> inputs = new ArrayList<>();
    if (!fields[6].isEmpty()) {
      for (String from : fields[6].split(",", -1)) {
        inputs.add(from.equals(REQUEST_BODY) ? null : from);
      }
    }
    return new IndexedService(
        fields[1],
        fields[2],
        fields[3],
        Integer.parseInt(fields[4]),
        ServiceManifest.Kind.valueOf(fields[5]),
        inputs);
  }
}
