package io.dyninka.maven.graph;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dataflow of an app as a directed graph: services, plus the client where the request body
 * comes from and the client the sink answers. Edges run from upstream to downstream, labelled with
 * the type that travels.
 *
 * @param app the app name
 * @param nodes every node: the client's request (if a head reads the body) first, then the services
 *     head first, then the answering client
 * @param edges every edge, in manifest order
 */
record DataflowGraph(String app, List<Node> nodes, List<Edge> edges) {

  /**
   * @param id an identifier safe in any output format
   * @param name the service name, or {@code client}
   * @param type the short form of its output type; empty for the client
   */
  record Node(String id, String name, String type, NodeRole role, boolean stateful) {}

  /**
   * @param type the short form of the type that travels along it
   */
  record Edge(Node from, Node to, String type) {}

  static DataflowGraph of(AppManifest manifest) {
    List<ServiceManifest> services = manifest.services();
    Map<String, Node> byName = new HashMap<>();
    List<Node> serviceNodes = new ArrayList<>();
    for (int i = 0; i < services.size(); i++) {
      ServiceManifest service = services.get(i);
      Node node =
          new Node(
              "s" + i,
              service.name(),
              TypeNames.simple(service.output()),
              NodeRole.SERVICE,
              service.stateful());
      byName.put(service.name(), node);
      serviceNodes.add(node);
    }
    Node request = new Node("request", "client", "", NodeRole.REQUEST, false);
    Node client = new Node("client", "client", "", NodeRole.CLIENT, false);

    List<Edge> edges = new ArrayList<>();
    for (ServiceManifest service : services) {
      for (InputManifest input : service.inputs()) {
        Node from = input.from() == null ? request : byName.get(input.from());
        if (from == null) {
          throw new IllegalArgumentException(
              "service '"
                  + service.name()
                  + "' of app '"
                  + manifest.app()
                  + "' reads from '"
                  + input.from()
                  + "', which is not a service of the app");
        }
        edges.add(new Edge(from, byName.get(service.name()), TypeNames.simple(input.type())));
      }
    }
    Node sink = byName.get(manifest.sink());
    if (sink == null) {
      throw new IllegalArgumentException(
          "the sink '"
              + manifest.sink()
              + "' of app '"
              + manifest.app()
              + "' is not one of its services");
    }
    edges.add(new Edge(sink, client, sink.type()));

    List<Node> nodes = new ArrayList<>();
    if (edges.stream().anyMatch(e -> e.from() == request)) {
      nodes.add(request);
    }
    nodes.addAll(serviceNodes);
    nodes.add(client);
    DataflowGraph graph = new DataflowGraph(manifest.app(), List.copyOf(nodes), List.copyOf(edges));
    graph.requireAcyclic();
    return graph;
  }

  /**
   * A layered layout would quietly turn an edge of a cycle around; a dataflow has none, so a cycle
   * is a broken manifest and gets named.
   */
  private void requireAcyclic() {
    Set<Node> done = new HashSet<>();
    for (Node node : nodes) {
      visit(node, done, new HashSet<>());
    }
  }

  private void visit(Node node, Set<Node> done, Set<Node> visiting) {
    if (done.contains(node)) {
      return;
    }
    if (!visiting.add(node)) {
      throw new IllegalArgumentException(
          "the dataflow of app '" + app + "' has a cycle through '" + node.name() + "'");
    }
    for (Edge edge : incoming(node)) {
      visit(edge.from(), done, visiting);
    }
    visiting.remove(node);
    done.add(node);
  }

  List<Edge> incoming(Node node) {
    return edges.stream().filter(e -> e.to() == node).toList();
  }

  List<Edge> outgoing(Node node) {
    return edges.stream().filter(e -> e.from() == node).toList();
  }
}
