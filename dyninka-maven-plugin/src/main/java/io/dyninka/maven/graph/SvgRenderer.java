package io.dyninka.maven.graph;

import io.dyninka.maven.graph.DataflowGraph.Edge;
import io.dyninka.maven.graph.DataflowGraph.Node;
import io.dyninka.maven.graph.DataflowGraph.Role;
import io.dyninka.maven.graph.GraphLayout.Box;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A standalone SVG drawing of the {@link GraphLayout}: boxes for services, dashed pills for the
 * client, curved arrows labelled with the type that travels. Needs no tool and no font metrics.
 */
final class SvgRenderer {

  private SvgRenderer() {}

  static String render(DataflowGraph graph) {
    GraphLayout layout = GraphLayout.of(graph);
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(number(layout.width()))
        .append("\" height=\"")
        .append(number(layout.height()))
        .append("\" viewBox=\"0 0 ")
        .append(number(layout.width()))
        .append(' ')
        .append(number(layout.height()))
        .append("\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">\n");
    out.append("  <title>The dataflow of app ").append(escape(graph.app())).append("</title>\n");
    out.append(
        "  <defs>\n"
            + "    <marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
            + " markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">\n"
            + "      <path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/>\n"
            + "    </marker>\n"
            + "  </defs>\n");
    for (Edge edge : graph.edges()) {
      appendEdge(out, graph, layout, edge);
    }
    for (Node node : graph.nodes()) {
      appendNode(out, node, layout.box(node));
    }
    out.append("</svg>\n");
    return out.toString();
  }

  private static void appendEdge(
      StringBuilder out, DataflowGraph graph, GraphLayout layout, Edge edge) {
    Box from = layout.box(edge.from());
    Box to = layout.box(edge.to());
    // Several edges at one side of a box leave from (or arrive at) points spread along it.
    double x1 = from.right();
    double y1 = port(from, graph.outgoing(edge.from()), edge, e -> layout.box(e.to()));
    double x2 = to.x();
    double y2 = port(to, graph.incoming(edge.to()), edge, e -> layout.box(e.from()));
    double middle = (x1 + x2) / 2;
    out.append("  <g class=\"edge\" data-from=\"")
        .append(escape(edge.from().name()))
        .append("\" data-to=\"")
        .append(escape(edge.to().name()))
        .append("\">\n");
    out.append("    <path d=\"M ")
        .append(number(x1))
        .append(' ')
        .append(number(y1))
        .append(" C ")
        .append(number(middle))
        .append(' ')
        .append(number(y1))
        .append(", ")
        .append(number(middle))
        .append(' ')
        .append(number(y2))
        .append(", ")
        .append(number(x2))
        .append(' ')
        .append(number(y2))
        .append(
            "\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n");
    // A white halo keeps the label readable where it crosses the line.
    out.append("    <text x=\"")
        .append(number(middle))
        .append("\" y=\"")
        .append(number((y1 + y2) / 2 - 6))
        .append(
            "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\" stroke=\"#fff\""
                + " stroke-width=\"4\" paint-order=\"stroke\">")
        .append(escape(edge.type()))
        .append("</text>\n");
    out.append("  </g>\n");
  }

  /** Ports are ordered like the boxes at the other ends, so the edges of one side never cross. */
  private static double port(Box box, List<Edge> side, Edge edge, Function<Edge, Box> otherEnd) {
    List<Edge> ordered =
        side.stream().sorted(Comparator.comparingDouble(e -> otherEnd.apply(e).centerY())).toList();
    int index = ordered.indexOf(edge);
    return box.y() + box.height() * (index + 1) / (ordered.size() + 1);
  }

  private static void appendNode(StringBuilder out, Node node, Box box) {
    boolean service = node.role() == Role.SERVICE;
    out.append("  <g class=\"node ")
        .append(service ? "service" : "client")
        .append("\" data-name=\"")
        .append(escape(node.name()))
        .append("\">\n");
    out.append("    <rect x=\"")
        .append(number(box.x()))
        .append("\" y=\"")
        .append(number(box.y()))
        .append("\" width=\"")
        .append(number(box.width()))
        .append("\" height=\"")
        .append(number(box.height()))
        .append("\" rx=\"")
        .append(service ? "6" : number(box.height() / 2))
        .append(
            service
                ? "\" fill=\"#e8f0fe\" stroke=\"#3367d6\""
                : "\" fill=\"#f4f4f4\" stroke=\"#888\" stroke-dasharray=\"4 3\"")
        .append(" stroke-width=\"")
        .append(node.stateful() ? "3" : "1.5")
        .append("\"/>\n");
    double centerX = box.x() + box.width() / 2;
    if (node.type().isEmpty()) {
      appendText(out, centerX, box.centerY() + 5, 13, "bold", node.name());
    } else {
      appendText(out, centerX, box.centerY() - 3, 13, "bold", node.name());
      appendText(out, centerX, box.centerY() + 13, 11, "normal", node.type());
    }
    out.append("  </g>\n");
  }

  private static void appendText(
      StringBuilder out, double x, double y, int size, String weight, String text) {
    out.append("    <text x=\"")
        .append(number(x))
        .append("\" y=\"")
        .append(number(y))
        .append("\" text-anchor=\"middle\" font-size=\"")
        .append(size)
        .append("\" font-weight=\"")
        .append(weight)
        .append("\">")
        .append(escape(text))
        .append("</text>\n");
  }

  /** Up to one decimal, with a dot whatever the locale. */
  private static String number(double value) {
    String text = String.format(Locale.ROOT, "%.1f", value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
