package io.dyninka.maven.graph;

import io.dyninka.manifest.Placement;
import io.dyninka.maven.graph.DataflowGraph.Edge;
import io.dyninka.maven.graph.DataflowGraph.Node;
import io.dyninka.maven.graph.GraphLayout.Box;
import io.dyninka.maven.graph.GraphLayout.GroupBox;
import io.dyninka.maven.graph.GraphLayout.Label;
import io.dyninka.maven.graph.GraphLayout.Point;
import io.dyninka.maven.graph.GraphLayout.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.EdgeLabelSideSelection;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a dataflow out left to right with Eclipse ELK's layered algorithm ({@code
 * org.eclipse.elk.layered}, the Sugiyama method): cycle breaking, network-simplex layering,
 * layer-sweep crossing minimisation, Brandes-Köpf node placement and orthogonal edge routing.
 *
 * <p>Why a real layered layout: an edge that skips a layer (a fan-in whose branches differ in
 * length) gets dummy nodes in the layers it crosses, so it is routed around the boxes there instead
 * of through them, and crossings are minimised over the whole graph rather than column by column.
 * Each edge label is a centre label ({@link EdgeLabelPlacement#CENTER}), which ELK turns into a
 * dummy node of the label's size in a layer of its own: the label gets space like a box does, so it
 * never lies under one.
 *
 * <p>Options, and why:
 *
 * <ul>
 *   <li>{@code direction=RIGHT}: data flows left to right, as in the Mermaid flowchart;
 *   <li>{@code edgeRouting=ORTHOGONAL}: horizontal and vertical segments keep clear of boxes and
 *       read well at a glance; splines may cut corners near boxes;
 *   <li>{@code considerModelOrder.strategy=NODES_AND_EDGES}: where crossings do not decide, the
 *       manifest's order (head first) does, so the drawing follows the source;
 *   <li>{@code edgeLabels.sideSelection=ALWAYS_UP}: labels sit above their line;
 *   <li>{@code randomSeed=1} (ELK's default, set to say it matters): with the same graph, ELK's
 *       heuristics make the same choices, so the same manifest gives the same bytes.
 * </ul>
 *
 * <p>ELK runs through its {@code RecursiveGraphLayoutEngine}, which sets up the option metadata the
 * algorithm relies on; ELK finds its algorithms with a service loader on its own class loader, so
 * this works in a Maven plugin realm as in a plain JVM.
 *
 * <p>Box sizes come from the text they hold, estimated from average glyph widths: SVG has no text
 * measurement before rendering.
 */
final class LayeredLayout {

  static final double NODE_HEIGHT = 46;
  static final double MARGIN = 20;
  static final double LABEL_HEIGHT = 14;
  private static final double MIN_NODE_WIDTH = 80;

  /** Room inside a group's box around its members, and above them for its name. */
  static final double GROUP_PADDING = 12;

  static final double GROUP_TITLE = 16;

  /** Average glyph width of 13 px bold sans-serif, the node names' font. */
  private static final double NAME_CHAR_WIDTH = 7.8;

  /** Average glyph width of 11 px sans-serif, the labels' font, with a little to spare. */
  private static final double LABEL_CHAR_WIDTH = 6.4;

  private LayeredLayout() {}

  static GraphLayout of(DataflowGraph graph) {
    return of(graph, List.of());
  }

  /**
   * Lays the graph out with each of {@code groups} (of several services) as a compound node holding
   * its members: ELK lays the whole hierarchy at once ({@code hierarchyHandling=INCLUDE_CHILDREN}),
   * so a group's members sit together inside its box, whatever their place in the flow.
   */
  static GraphLayout of(DataflowGraph graph, List<Placement.Group> groups) {
    ElkNode root = ElkGraphUtil.createGraph();
    configure(root);
    Map<String, ElkNode> parents = new LinkedHashMap<>();
    Map<Placement.Group, ElkNode> groupShapes = new LinkedHashMap<>();
    for (Placement.Group group : groups) {
      if (group.members().size() < 2) {
        continue;
      }
      ElkNode shape = ElkGraphUtil.createNode(root);
      shape.setIdentifier("group" + groupShapes.size());
      shape.setProperty(
          LayeredOptions.PADDING,
          new ElkPadding(GROUP_PADDING + GROUP_TITLE, GROUP_PADDING, GROUP_PADDING, GROUP_PADDING));
      shape.setProperty(
          LayeredOptions.NODE_SIZE_MINIMUM,
          new KVector(group.name().length() * LABEL_CHAR_WIDTH + 2 * GROUP_PADDING, 0));
      groupShapes.put(group, shape);
      group.members().forEach(member -> parents.put(member, shape));
    }
    if (!groupShapes.isEmpty()) {
      root.setProperty(LayeredOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    }
    Map<Node, ElkNode> shapes = new LinkedHashMap<>();
    for (Node node : graph.nodes()) {
      ElkNode parent =
          node.role() == NodeRole.CLIENT ? root : parents.getOrDefault(node.name(), root);
      ElkNode shape = ElkGraphUtil.createNode(parent);
      shape.setIdentifier(node.id());
      shape.setDimensions(nodeWidth(node), NODE_HEIGHT);
      shapes.put(node, shape);
    }
    List<ElkEdge> edges = new ArrayList<>();
    for (Edge edge : graph.edges()) {
      ElkEdge elkEdge =
          ElkGraphUtil.createSimpleEdge(shapes.get(edge.from()), shapes.get(edge.to()));
      if (!edge.type().isEmpty()) {
        ElkLabel label = ElkGraphUtil.createLabel(edge.type(), elkEdge);
        label.setDimensions(labelWidth(edge.type()), LABEL_HEIGHT);
        label.setProperty(LayeredOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
      }
      // an edge belongs to the innermost node that holds both its ends
      ElkGraphUtil.updateContainment(elkEdge);
      edges.add(elkEdge);
    }

    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    Map<Node, Box> boxes = new LinkedHashMap<>();
    shapes.forEach((node, shape) -> boxes.put(node, box(node, shape)));
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      Edge edge = graph.edges().get(i);
      routes.add(route(boxes.get(edge.from()), boxes.get(edge.to()), edges.get(i)));
    }
    List<GroupBox> groupBoxes = new ArrayList<>();
    groupShapes.forEach(
        (group, shape) ->
            groupBoxes.add(
                new GroupBox(
                    group.name(),
                    group.members(),
                    shape.getX(),
                    shape.getY(),
                    shape.getWidth(),
                    shape.getHeight())));
    return new GraphLayout(
        graph.app(),
        root.getWidth(),
        root.getHeight(),
        List.copyOf(boxes.values()),
        routes,
        groupBoxes);
  }

  /** Where {@code shape}'s coordinates start, in the root's: the sum of its parents' offsets. */
  private static KVector origin(ElkNode parent) {
    KVector origin = new KVector();
    for (ElkNode n = parent; n != null && n.getParent() != null; n = n.getParent()) {
      origin.add(n.getX(), n.getY());
    }
    return origin;
  }

  private static void configure(ElkNode root) {
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
    root.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(LayeredOptions.PADDING, new ElkPadding(MARGIN));
    root.setProperty(LayeredOptions.SPACING_NODE_NODE, 28.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 14.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 24.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 12.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 3.0);
    root.setProperty(
        LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
    root.setProperty(LayeredOptions.EDGE_LABELS_SIDE_SELECTION, EdgeLabelSideSelection.ALWAYS_UP);
    root.setProperty(LayeredOptions.RANDOM_SEED, 1);
  }

  private static Box box(Node node, ElkNode shape) {
    KVector origin = origin(shape.getParent());
    return new Box(
        node.id(),
        node.name(),
        node.type(),
        node.role(),
        node.stateful(),
        origin.x + shape.getX(),
        origin.y + shape.getY(),
        shape.getWidth(),
        shape.getHeight());
  }

  private static Route route(Box from, Box to, ElkEdge edge) {
    // A simple edge has one section, in the coordinates of the node that contains the edge.
    ElkEdgeSection section = edge.getSections().get(0);
    KVector o = origin(edge.getContainingNode());
    List<Point> points = new ArrayList<>();
    points.add(new Point(o.x + section.getStartX(), o.y + section.getStartY()));
    for (ElkBendPoint bend : section.getBendPoints()) {
      points.add(new Point(o.x + bend.getX(), o.y + bend.getY()));
    }
    points.add(new Point(o.x + section.getEndX(), o.y + section.getEndY()));
    Label label = null;
    if (!edge.getLabels().isEmpty()) {
      ElkLabel elkLabel = edge.getLabels().get(0);
      label =
          new Label(
              elkLabel.getText(),
              o.x + elkLabel.getX(),
              o.y + elkLabel.getY(),
              elkLabel.getWidth(),
              elkLabel.getHeight());
    }
    return new Route(from, to, points, label);
  }

  private static double nodeWidth(Node node) {
    int longest = Math.max(node.name().length(), node.type().length());
    return Math.max(MIN_NODE_WIDTH, Math.ceil(longest * NAME_CHAR_WIDTH) + 24);
  }

  private static double labelWidth(String text) {
    return Math.ceil(text.length() * LABEL_CHAR_WIDTH) + 6;
  }
}
