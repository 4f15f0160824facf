package io.dyninka.maven.graph;

import io.dyninka.maven.graph.GraphLayout.Box;
import io.dyninka.maven.graph.GraphLayout.GroupBox;
import io.dyninka.maven.graph.GraphLayout.Label;
import io.dyninka.maven.graph.GraphLayout.Point;
import io.dyninka.maven.graph.GraphLayout.Route;
import java.util.List;
import java.util.Locale;

/**
 * A standalone SVG drawing of a {@link GraphLayout}: boxes for services, dashed pills for the
 * client, orthogonal arrows with rounded bends, each labelled with the type that travels. Needs no
 * tool and no font metrics.
 */
final class SvgRenderer {

  /** The radius of a route's bends, where its segments are long enough. */
  private static final double BEND_RADIUS = 6;

  private SvgRenderer() {}

  static String render(GraphLayout layout) {
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
    out.append("  <title>The dataflow of app ").append(escape(layout.app())).append("</title>\n");
    out.append(
        "  <defs>\n"
            + "    <marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
            + " markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">\n"
            + "      <path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/>\n"
            + "    </marker>\n"
            + "  </defs>\n");
    for (GroupBox group : layout.groups()) {
      appendGroup(out, group);
    }
    for (Route route : layout.routes()) {
      appendRoute(out, route);
    }
    for (Box box : layout.boxes()) {
      appendBox(out, box);
    }
    out.append("</svg>\n");
    return out.toString();
  }

  private static void appendRoute(StringBuilder out, Route route) {
    out.append("  <g class=\"edge\" data-from=\"")
        .append(escape(route.from().name()))
        .append("\" data-to=\"")
        .append(escape(route.to().name()))
        .append("\" data-from-id=\"")
        .append(route.from().id())
        .append("\" data-to-id=\"")
        .append(route.to().id())
        .append("\">\n");
    out.append("    <path d=\"")
        .append(path(route.points()))
        .append(
            "\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n");
    Label label = route.label();
    if (label != null) {
      // The label's box, in white, keeps the text readable should another line pass behind it.
      out.append("    <rect class=\"label\" x=\"")
          .append(number(label.x()))
          .append("\" y=\"")
          .append(number(label.y()))
          .append("\" width=\"")
          .append(number(label.width()))
          .append("\" height=\"")
          .append(number(label.height()))
          .append("\" rx=\"3\" fill=\"#fff\" fill-opacity=\"0.85\"/>\n");
      out.append("    <text x=\"")
          .append(number(label.x() + label.width() / 2))
          .append("\" y=\"")
          .append(number(label.y() + label.height() / 2 + 4))
          .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">")
          .append(escape(label.text()))
          .append("</text>\n");
    }
    out.append("  </g>\n");
  }

  /**
   * Straight segments through the points, each bend rounded by a quadratic curve whose control
   * point is the bend itself, so the curve stays inside the corner the segments make.
   */
  private static String path(List<Point> points) {
    StringBuilder d = new StringBuilder("M ").append(point(points.get(0)));
    for (int i = 1; i < points.size() - 1; i++) {
      Point previous = points.get(i - 1);
      Point bend = points.get(i);
      Point next = points.get(i + 1);
      double radius =
          Math.min(BEND_RADIUS, Math.min(distance(previous, bend), distance(bend, next)) / 2);
      d.append(" L ")
          .append(point(toward(bend, previous, radius)))
          .append(" Q ")
          .append(point(bend))
          .append(' ')
          .append(point(toward(bend, next, radius)));
    }
    return d.append(" L ").append(point(points.get(points.size() - 1))).toString();
  }

  private static Point toward(Point from, Point to, double length) {
    double distance = distance(from, to);
    if (distance == 0) {
      return from;
    }
    return new Point(
        from.x() + (to.x() - from.x()) * length / distance,
        from.y() + (to.y() - from.y()) * length / distance);
  }

  private static double distance(Point a, Point b) {
    return Math.hypot(b.x() - a.x(), b.y() - a.y());
  }

  /** A group of services in one process: a rounded box behind its members, named at its top. */
  private static void appendGroup(StringBuilder out, GroupBox group) {
    out.append("  <g class=\"group\" data-group=\"").append(escape(group.name())).append("\">\n");
    out.append("    <rect x=\"")
        .append(number(group.x()))
        .append("\" y=\"")
        .append(number(group.y()))
        .append("\" width=\"")
        .append(number(group.width()))
        .append("\" height=\"")
        .append(number(group.height()))
        .append("\" rx=\"10\" fill=\"#f6f8fb\" stroke=\"#8a9bb8\" stroke-width=\"1\"/>\n");
    out.append("    <text x=\"")
        .append(number(group.x() + LayeredLayout.GROUP_PADDING))
        .append("\" y=\"")
        .append(number(group.y() + LayeredLayout.GROUP_TITLE))
        .append("\" font-size=\"11\" fill=\"#5a6b88\">")
        .append(escape(group.name()))
        .append("</text>\n");
    out.append("  </g>\n");
  }

  private static void appendBox(StringBuilder out, Box box) {
    boolean service = box.role() == NodeRole.SERVICE;
    out.append("  <g class=\"node ")
        .append(service ? "service" : "client")
        .append("\" data-id=\"")
        .append(box.id())
        .append("\" data-name=\"")
        .append(escape(box.name()))
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
        .append(box.stateful() ? "3" : "1.5")
        .append("\"/>\n");
    if (box.type().isEmpty()) {
      appendText(out, box.centerX(), box.centerY() + 5, 13, "bold", box.name());
    } else {
      appendText(out, box.centerX(), box.centerY() - 3, 13, "bold", box.name());
      appendText(out, box.centerX(), box.centerY() + 13, 11, "normal", box.type());
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

  private static String point(Point point) {
    return number(point.x()) + " " + number(point.y());
  }

  /** Up to one decimal, with a dot whatever the locale. */
  private static String number(double value) {
    String text = String.format(Locale.ROOT, "%.1f", value);
    if (text.equals("-0.0")) {
      return "0";
    }
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
