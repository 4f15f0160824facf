package io.dyninka.runtime;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.atomic.AtomicBoolean;

/** What every event-loop instance of one service shares: its manifest, function, peers, codec. */
final class ServiceSetup {

  private final AppManifest manifest;
  private final ServiceManifest self;
  private final HostConfig config;
  private final Peers peers;
  private final RoutePlanner planner;
  private final FunctionCall call;
  private final JsonCodec codec = new JsonCodec();
  private final Buffer manifestJson;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final System.Logger log;

  ServiceSetup(AppManifest manifest, String service, ServiceFunction function, HostConfig config) {
    this.manifest = manifest;
    this.self =
        manifest
            .service(service)
            .orElseThrow(() -> new IllegalArgumentException("app " + manifest.app() + " has no service '" + service + "'"));
    this.config = config;
    this.peers = Peers.resolve(manifest, config.peers());
    this.planner = new RoutePlanner(manifest, self);
    this.call = new FunctionCall(function, self);
    this.manifestJson = manifest.toJson().toBuffer();
    this.log = System.getLogger("io.dyninka.service." + service);
    // Resolve every type now, so that a missing class fails the start, not the first request.
    self.inputs().forEach(input -> codec.type(input.type()));
    codec.type(self.output());
  }

  String name() {
    return self.name();
  }

  AppManifest manifest() {
    return manifest;
  }

  ServiceManifest self() {
    return self;
  }

  HostConfig config() {
    return config;
  }

  Peers peers() {
    return peers;
  }

  RoutePlanner planner() {
    return planner;
  }

  FunctionCall call() {
    return call;
  }

  JsonCodec codec() {
    return codec;
  }

  Buffer manifestJson() {
    return manifestJson;
  }

  System.Logger log() {
    return log;
  }

  boolean ready() {
    return ready.get();
  }

  void ready(boolean value) {
    ready.set(value);
  }
}
