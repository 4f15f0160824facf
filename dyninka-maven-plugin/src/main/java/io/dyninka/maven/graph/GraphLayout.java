package io.dyninka.maven.graph;

import java.util.List;

/**
 * Where everything of an app's dataflow drawing goes, in pixels, origin top left: one box per node
 * and one route per edge. Computed once by {@link LayeredLayout}; drawn by the SVG writer and by
 * anything else that shows the same picture (a live page), so both agree to the pixel.
 *
 * @param app the app name
 * @param width the drawing's width, margins included
 * @param height the drawing's height, margins included
 * @param boxes one per node, in the graph's node order
 * @param routes one per edge, in manifest order
 * @param groups one per group of several services ({@code dyninka.colocate}), around its members
 */
public record GraphLayout(
    String app,
    double width,
    double height,
    List<Box> boxes,
    List<Route> routes,
    List<GroupBox> groups) {

  public GraphLayout {
    boxes = List.copyOf(boxes);
    routes = List.copyOf(routes);
    groups = List.copyOf(groups);
  }

  /** A drawing with every service in a process of its own. */
  public GraphLayout(String app, double width, double height, List<Box> boxes, List<Route> routes) {
    this(app, width, height, boxes, routes, List.of());
  }

  /**
   * The box around the members of a group that share a process, drawn behind them.
   *
   * @param name the group's name, as in {@code -Ddyninka.colocate} ({@code a+b})
   * @param members its services
   */
  public record GroupBox(
      String name, List<String> members, double x, double y, double width, double height) {

    public GroupBox {
      members = List.copyOf(members);
    }
  }

  /**
   * A node's box.
   *
   * @param id an identifier safe in any output format
   * @param name the service name, or {@code client}
   * @param type the short form of its output type; empty for the client
   */
  public record Box(
      String id,
      String name,
      String type,
      NodeRole role,
      boolean stateful,
      double x,
      double y,
      double width,
      double height) {

    public double centerX() {
      return x + width / 2;
    }

    public double centerY() {
      return y + height / 2;
    }
  }

  /** A point of a route. */
  public record Point(double x, double y) {}

  /**
   * An edge label's text and the rectangle it is placed in, clear of every box.
   *
   * @param text the short form of the type that travels along the edge
   */
  public record Label(String text, double x, double y, double width, double height) {}

  /**
   * An edge, drawn as straight segments through {@code points}: the first on {@code from}'s border,
   * the last on {@code to}'s, where the arrow points.
   *
   * @param label where the edge's type is written; {@code null} if the edge carries no type
   */
  public record Route(Box from, Box to, List<Point> points, Label label) {

    public Route {
      points = List.copyOf(points);
    }
  }
}
