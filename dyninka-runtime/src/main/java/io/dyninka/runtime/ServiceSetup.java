package io.dyninka.runtime;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.runtime.state.PlacedState;
import io.dyninka.runtime.state.RedisStateStore;
import io.dyninka.runtime.state.StoreAddress;
import io.dyninka.runtime.tls.ServiceTls;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** What every event-loop instance of one service shares: its manifest, function, peers, codec. */
final class ServiceSetup {

  private final AppManifest manifest;
  private final ServiceManifest self;
  private final boolean readsRequestBody;
  private final Set<String> idempotentServices;
  private final HostConfig config;
  private final Peers peers;
  private final RoutePlanner planner;
  private final FunctionCall call;
  private final JsonCodec codec;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final byte[] expectedAuthorization;
  private final Buffer manifestJson;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final System.Logger log;
  private final ServiceTls tls;
  private final StoreAddress stateStore;
  private PlacedState state;

  ServiceSetup(AppManifest manifest, String service, ServiceFunction function, HostConfig config) {
    this.manifest = manifest;
    this.self =
        manifest
            .service(service)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "app " + manifest.app() + " has no service '" + service + "'"));
    // Asked on every request: answered once here rather than by a search of the manifest.
    this.readsRequestBody = self.readsRequestBody();
    this.idempotentServices =
        manifest.services().stream()
            .filter(ServiceManifest::idempotent)
            .map(ServiceManifest::name)
            .collect(Collectors.toUnmodifiableSet());
    this.config = config;
    this.codec = new JsonCodec(config.maxJsonDepth());
    this.expectedAuthorization =
        config.token() == null || (config.publicSink() && manifest.sink().equals(service))
            ? null
            : ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8);
    this.peers = Peers.resolve(manifest, config.peers());
    this.planner = new RoutePlanner(manifest, self);
    this.call = new FunctionCall(function, self);
    this.manifestJson = manifest.toJson().toBuffer();
    this.log = System.getLogger("io.dyninka.service." + service);
    // Read once, so that a missing or unreadable PEM file stops the start.
    this.tls =
        ServiceTls.of(
            config.tlsCert(), config.tlsKey(), config.tlsCa(), config.sinkTls(), manifest, service);
    // Resolve every type now, so that a missing class fails the start, not the first request.
    self.inputs().forEach(input -> codec.type(input.type()));
    codec.type(self.output());
    // Checked at start; the store itself is reached once the service runs on Vert.x.
    this.stateStore =
        self.stateful() && config.stateStore() != null
            ? StoreAddress.parse(config.stateStore(), config.stateStorePassword())
            : null;
  }

  /**
   * The placed state in the store, made on first use by the service's (single) verticle; null
   * without a store, when the placed fields stay in the JVM.
   */
  synchronized PlacedState state(Vertx vertx) {
    if (stateStore != null && state == null) {
      state =
          new PlacedState(
              new RedisStateStore(
                  vertx, stateStore, "dyninka:{" + manifest.app() + "}:turn:" + self.name()),
              codec,
              manifest.app(),
              self.placed());
    }
    return state;
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

  boolean readsRequestBody() {
    return readsRequestBody;
  }

  /** Whether a pull from {@code service} may be retried after it may have reached it. */
  boolean idempotent(String service) {
    return idempotentServices.contains(service);
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

  /** The service's mutual-TLS settings, or null when it speaks plain HTTP. */
  ServiceTls tls() {
    return tls;
  }

  /** Takes a place among the requests in flight; false when they are all taken (overload). */
  boolean admit() {
    if (inFlight.incrementAndGet() > config.maxInFlight()) {
      inFlight.decrementAndGet();
      return false;
    }
    return true;
  }

  void release() {
    inFlight.decrementAndGet();
  }

  /** The requests admitted and not yet ended, for the in-flight gauge. */
  int inFlight() {
    return inFlight.get();
  }

  /**
   * Whether a call may come in: always without a token, else only with it (compared in constant
   * time).
   */
  boolean authorized(String authorization) {
    return expectedAuthorization == null
        || (authorization != null
            && MessageDigest.isEqual(
                expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8)));
  }

  boolean ready() {
    return ready.get();
  }

  void ready(boolean value) {
    ready.set(value);
  }

  /**
   * Whether the service is stopping: from then on every request it reads is still answered, with
   * {@code Connection: close}, so that its callers stop reusing their connections to it.
   */
  boolean draining() {
    return draining.get();
  }

  /** Stopping: not ready, and draining. */
  void drain() {
    ready.set(false);
    draining.set(true);
  }
}
