package io.dyninka.maven.graph;

import io.dyninka.manifest.Placement;
import io.dyninka.maven.graph.DataflowGraph.Edge;
import io.dyninka.maven.graph.DataflowGraph.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A Mermaid flowchart, left to right, as GitHub and most Markdown viewers draw it. */
final class MermaidRenderer {

  private MermaidRenderer() {}

  static String render(DataflowGraph graph) {
    return render(graph, List.of());
  }

  /** The flowchart with each of {@code groups} of several services as a subgraph of its members. */
  static String render(DataflowGraph graph, List<Placement.Group> groups) {
    StringBuilder out = new StringBuilder();
    out.append("%% The dataflow of app ")
        .append(graph.app())
        .append(", written by dyninka:graph\n");
    out.append("flowchart LR\n");
    Set<String> grouped = new HashSet<>();
    int index = 0;
    for (Placement.Group group : groups) {
      if (group.members().size() < 2) {
        continue;
      }
      out.append("  subgraph group")
          .append(index++)
          .append("[\"")
          .append(escape(group.name()))
          .append("\"]\n");
      for (Node node : graph.nodes()) {
        if (node.role() == NodeRole.SERVICE && group.members().contains(node.name())) {
          out.append("    ").append(node.id()).append(shape(node)).append('\n');
          grouped.add(node.id());
        }
      }
      out.append("  end\n");
    }
    for (Node node : graph.nodes()) {
      if (!grouped.contains(node.id())) {
        out.append("  ").append(node.id()).append(shape(node)).append('\n');
      }
    }
    for (Edge edge : graph.edges()) {
      out.append("  ")
          .append(edge.from().id())
          .append(" -->|\"")
          .append(escape(edge.type()))
          .append("\"| ")
          .append(edge.to().id())
          .append('\n');
    }
    out.append("  classDef client fill:#f4f4f4,stroke:#888,stroke-dasharray:4 3\n");
    out.append("  classDef stateful stroke-width:3px\n");
    appendClass(
        out, "client", graph.nodes().stream().filter(n -> n.role() != NodeRole.SERVICE).toList());
    appendClass(out, "stateful", graph.nodes().stream().filter(Node::stateful).toList());
    return out.toString();
  }

  private static String shape(Node node) {
    if (node.role() != NodeRole.SERVICE) {
      return "([\"client\"])";
    }
    String label = escape(node.name());
    if (!node.type().isEmpty()) {
      label += "<br/><small>" + escape(node.type()) + "</small>";
    }
    return "[\"" + label + "\"]";
  }

  private static void appendClass(StringBuilder out, String name, List<Node> nodes) {
    if (!nodes.isEmpty()) {
      out.append("  class ")
          .append(nodes.stream().map(Node::id).collect(Collectors.joining(",")))
          .append(' ')
          .append(name)
          .append('\n');
    }
  }

  /** Mermaid's entity codes; {@code #} first, since the others start with it. */
  static String escape(String text) {
    return text.replace("#", "#35;")
        .replace("\"", "#quot;")
        .replace("<", "#lt;")
        .replace(">", "#gt;");
  }
}
