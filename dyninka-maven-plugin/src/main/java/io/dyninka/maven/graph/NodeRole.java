package io.dyninka.maven.graph;

/** What a node of the dataflow graph stands for. */
public enum NodeRole {
  /** The client, sending the request body to the heads that read it. */
  REQUEST,
  /** One service of the app. */
  SERVICE,
  /** The client, receiving the sink's answer. */
  CLIENT
}
