package io.dyninka.maven.graph;

import io.dyninka.maven.graph.DataflowGraph.Edge;
import io.dyninka.maven.graph.DataflowGraph.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A left-to-right layered layout: each node sits in the column after its furthest upstream (a
 * source just before its first consumer), and within a column nodes are ordered by where their
 * upstreams are (the barycenter heuristic), which keeps the few crossings of a dataflow down.
 */
final class GraphLayout {

  static final int NODE_HEIGHT = 46;
  static final int COLUMN_GAP = 110;
  static final int ROW_GAP = 28;
  static final int MARGIN = 20;
  private static final int MIN_NODE_WIDTH = 80;

  /** An average glyph width of 13 px sans-serif: SVG has no text measurement before rendering. */
  private static final double CHAR_WIDTH = 7.8;

  /** A node's box, in SVG user units. */
  record Box(double x, double y, double width, double height) {
    double centerY() {
      return y + height / 2;
    }

    double right() {
      return x + width;
    }
  }

  private final Map<Node, Box> boxes = new HashMap<>();
  private double width;
  private double height;

  private GraphLayout() {}

  static GraphLayout of(DataflowGraph graph) {
    GraphLayout layout = new GraphLayout();
    layout.place(order(graph, columns(graph)));
    return layout;
  }

  Box box(Node node) {
    return boxes.get(node);
  }

  double width() {
    return width;
  }

  double height() {
    return height;
  }

  /** The column of each node: one past its furthest upstream. */
  private static List<List<Node>> columns(DataflowGraph graph) {
    Map<Node, Integer> column = new HashMap<>();
    for (Node node : graph.nodes()) {
      columnOf(graph, node, column, new HashSet<>());
    }
    // A source waits in the column just before its first consumer: a long arrow from the
    // first column would cross every column between.
    for (Node node : graph.nodes()) {
      List<Edge> outgoing = graph.outgoing(node);
      if (graph.incoming(node).isEmpty() && !outgoing.isEmpty()) {
        int firstConsumer = outgoing.stream().mapToInt(e -> column.get(e.to())).min().orElseThrow();
        column.put(node, firstConsumer - 1);
      }
    }
    int count = column.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    List<List<Node>> columns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      columns.add(new ArrayList<>());
    }
    // Graph order (head first) is the starting order within each column.
    graph.nodes().forEach(node -> columns.get(column.get(node)).add(node));
    return columns;
  }

  private static int columnOf(
      DataflowGraph graph, Node node, Map<Node, Integer> column, Set<Node> visiting) {
    Integer known = column.get(node);
    if (known != null) {
      return known;
    }
    if (!visiting.add(node)) {
      throw new IllegalArgumentException(
          "the dataflow of app '" + graph.app() + "' has a cycle through '" + node.name() + "'");
    }
    int result = 0;
    for (Edge edge : graph.incoming(node)) {
      result = Math.max(result, columnOf(graph, edge.from(), column, visiting) + 1);
    }
    visiting.remove(node);
    column.put(node, result);
    return result;
  }

  /** Orders each column by the mean relative position of the nodes' upstreams. */
  private static List<List<Node>> order(DataflowGraph graph, List<List<Node>> columns) {
    Map<Node, Double> position = new HashMap<>();
    for (List<Node> column : columns) {
      List<Node> start = List.copyOf(column);
      column.sort(
          Comparator.comparingDouble(
                  (Node node) ->
                      barycenter(graph, node, position, start.indexOf(node), start.size()))
              .thenComparingInt(start::indexOf));
      for (int i = 0; i < column.size(); i++) {
        position.put(column.get(i), (i + 0.5) / column.size());
      }
    }
    return columns;
  }

  private static double barycenter(
      DataflowGraph graph, Node node, Map<Node, Double> position, int index, int size) {
    return graph.incoming(node).stream()
        .mapToDouble(edge -> position.get(edge.from()))
        .average()
        .orElse((index + 0.5) / size);
  }

  private void place(List<List<Node>> columns) {
    int tallest = columns.stream().mapToInt(List::size).max().orElse(0);
    double contentHeight = tallest * NODE_HEIGHT + Math.max(0, tallest - 1) * ROW_GAP;
    double x = MARGIN;
    for (List<Node> column : columns) {
      double columnWidth = column.stream().mapToDouble(GraphLayout::nodeWidth).max().orElse(0);
      double columnHeight = column.size() * NODE_HEIGHT + (column.size() - 1) * ROW_GAP;
      double y = MARGIN + (contentHeight - columnHeight) / 2;
      for (Node node : column) {
        boxes.put(node, new Box(x, y, columnWidth, NODE_HEIGHT));
        y += NODE_HEIGHT + ROW_GAP;
      }
      x += columnWidth + COLUMN_GAP;
    }
    width = x - COLUMN_GAP + MARGIN;
    height = contentHeight + 2 * MARGIN;
  }

  private static double nodeWidth(Node node) {
    int longest = Math.max(node.name().length(), node.type().length());
    return Math.max(MIN_NODE_WIDTH, Math.ceil(longest * CHAR_WIDTH) + 24);
  }
}
