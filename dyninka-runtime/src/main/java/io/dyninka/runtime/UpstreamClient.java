package io.dyninka.runtime;

import io.dyninka.runtime.observe.Observability;
import io.dyninka.runtime.observe.PullMetrics;
import io.dyninka.runtime.observe.PullOutcome;
import io.dyninka.runtime.observe.ServiceMetrics;
import io.dyninka.runtime.observe.Tracing;
import io.dyninka.runtime.tls.ServiceTls;
import io.opentelemetry.api.trace.Span;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Completable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The {@link Upstream} over HTTP: pulls one input from an upstream service over pooled keep-alive
 * HTTP/1.1 connections.
 *
 * <p>Each service verticle owns one, so connections live on that verticle's event loop and an
 * answer never hops threads. A pull that cannot connect is retried with backoff and jitter, on the
 * next replica; one that failed after the upstream may have started is retried only when that
 * service is idempotent. Each upstream has a circuit breaker. A pull that still cannot be made
 * fails with a 502 problem (503 while the breaker is open), one that outlives the request's
 * deadline with a 504. Problems the upstream answers are returned, not thrown, so that the caller
 * propagates them unchanged.
 */
final class UpstreamClient implements Upstream {

  /**
   * What this client keeps per upstream service: its replicas, whose turn is next, and its breaker.
   * Each upstream takes its own turns, so a fan-in's pulls of one upstream don't move another's.
   */
  static final class Target {
    final List<URI> replicas;
    final CircuitBreaker breaker;
    final boolean idempotent;

    /** The pull meters of this upstream, or null when metrics are off. */
    final PullMetrics metrics;

    /**
     * Until when (System.nanoTime) each replica is taken to be leaving: it answered a pull with
     * {@code Connection: close}, as a draining Dyninka service does. A time passed: not leaving.
     */
    private final long[] leavingUntil;

    private final long leavingNanos;
    private boolean anyLeaving;
    private int turn;

    private Target(
        List<URI> replicas,
        CircuitBreaker breaker,
        boolean idempotent,
        PullMetrics metrics,
        long leavingNanos) {
      this.replicas = replicas;
      this.breaker = breaker;
      this.idempotent = idempotent;
      this.metrics = metrics;
      this.leavingUntil = new long[replicas.size()];
      Arrays.fill(leavingUntil, System.nanoTime());
      this.leavingNanos = leavingNanos;
    }

    /**
     * The index of the next replica, in turn, passing over those leaving while another is not: a
     * leaving replica still answers, but its connections are about to close. With every replica
     * leaving, or only one (a Kubernetes Service), in turn as ever.
     */
    int nextReplica() {
      int size = replicas.size();
      if (anyLeaving) {
        long now = System.nanoTime();
        int chosen = -1;
        anyLeaving = false;
        for (int i = 0; i < size; i++) {
          int index = Math.floorMod(turn + i, size);
          if (leavingUntil[index] - now > 0) {
            anyLeaving = true;
          } else if (chosen < 0) {
            chosen = index;
          }
        }
        if (chosen >= 0) {
          turn = chosen + 1;
          return chosen;
        }
      }
      return Math.floorMod(turn++, size);
    }

    URI replica(int index) {
      return replicas.get(index);
    }

    /** Replica {@code index} said that it is leaving. */
    void leaving(int index) {
      leavingUntil[index] = System.nanoTime() + leavingNanos;
      anyLeaving = true;
    }

    /** Whether replica {@code index} said that it is leaving, and may still be stopping. */
    boolean leaving(int index, long now) {
      return leavingUntil[index] - now > 0;
    }
  }

  private static final long BREAKER_RESET_MILLIS = 2_000;
  private static final long BACKOFF_MILLIS = 25;
  private static final CharSequence TRACEPARENT = HttpHeaders.createOptimized(TraceParent.HEADER);
  private static final CharSequence DEADLINE =
      HttpHeaders.createOptimized(RequestScope.DEADLINE_HEADER);
  private static final CharSequence ROUTE = HttpHeaders.createOptimized(RoutePlanner.HEADER);
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final Peers peers;
  private final ServiceSetup setup;
  private final HostConfig config;
  private final String self;
  private final String authorization;
  private final Map<String, Target> targets = new HashMap<>();
  private final ServiceMetrics metrics;
  private final Tracing tracing;

  /** A client of {@code setup}'s upstreams; over mutual TLS when the service has TLS settings. */
  UpstreamClient(Vertx vertx, ServiceSetup setup, Observability observe) {
    ServiceTls tls = setup.tls();
    this.metrics = observe.metrics();
    this.tracing = observe.tracing();
    this.vertx = vertx;
    this.peers = setup.peers();
    this.setup = setup;
    this.config = setup.config();
    this.self = setup.name();
    this.authorization = config.token() == null ? null : "Bearer " + config.token();
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            // An upstream closes a connection idle for its head timeout; this side lets
            // it go first, so that a pull is never sent on a connection being closed.
            .setKeepAliveTimeout(keepAliveSeconds(config))
            // Vert.x waits 60 s for a TCP connect; a peer behind a dead link would hold a pool
            // slot that long, past any request's deadline.
            .setConnectTimeout((int) Math.min(60_000, config.upstreamTimeout().toMillis()))
            .setTcpNoDelay(true);
    if (tls != null) {
      tls.client(options);
    }
    this.client =
        vertx
            .httpClientBuilder()
            .with(options)
            .with(new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(config.maxInFlight()))
            .build();
  }

  /**
   * How long a replica that said it is leaving is taken to be: as long as a stopping service may
   * still hold connections, its drain delay and grace (the same settings across an app).
   */
  private static long leavingNanos(HostConfig config) {
    return config.drainDelay().plus(config.shutdownGrace()).toNanos();
  }

  /** Half the head timeout (the same setting across an app), at least a second. */
  private static int keepAliveSeconds(HostConfig config) {
    return (int) Math.max(1, config.headTimeout().toSeconds() / 2);
  }

  @Override
  public void pull(
      String service, String route, Buffer body, RequestScope scope, Completable<Answer> done) {
    Target target = target(service);
    if (scope.remainingMillis() <= 0) {
      if (target.metrics != null) {
        target.metrics.record(PullOutcome.TIMEOUT, 0);
      }
      done.fail(new ProblemException(timedOut(service)));
      return;
    }
    if (target.metrics == null && tracing == null) {
      send(target, service, route, body, scope, scope.traceparent(), done);
      return;
    }
    Span span = null;
    String traceparent = scope.traceparent();
    if (tracing != null) {
      URI peer = target.replicas.get(0);
      span =
          tracing.startPull(
              service, body == null ? "GET" : "POST", peer.getHost(), peer.getPort(), traceparent);
      // The upstream's SERVER span is a child of this CLIENT span.
      traceparent = Tracing.traceparent(span);
    }
    send(target, service, route, body, scope, traceparent, observed(target, span, done));
  }

  private void send(
      Target target,
      String service,
      String route,
      Buffer body,
      RequestScope scope,
      String traceparent,
      Completable<Answer> done) {
    CircuitBreaker breaker = target.breaker;
    if (breaker.state() == CircuitBreakerState.CLOSED) {
      // A closed breaker lets every pull through, so the pull goes out directly and only its
      // outcome is told to the breaker: execute would wrap each pull in two more promises and
      // re-post its completion to the event loop, a task per hop on the hot path. The library
      // still decides everything: it counts the failures, opens, times the reset, and gates
      // every pull while it is open or half-open.
      new UpstreamCall(
              this,
              target,
              route,
              body,
              scope,
              traceparent,
              (answer, failure) -> {
                if (failure == null) {
                  if (breaker.failureCount() > 0) {
                    // What execute does on a success: a closed breaker counts consecutive
                    // failures only.
                    breaker.reset();
                  }
                  done.succeed(answer);
                } else {
                  breaker.execute(() -> Future.failedFuture(failure));
                  done.fail(new ProblemException(problemFor(service, failure, scope)));
                }
              })
          .start();
      return;
    }
    breaker
        .<Answer>execute(
            gated -> new UpstreamCall(this, target, route, body, scope, traceparent, gated).start())
        .onComplete(
            (answer, failure) ->
                done.complete(
                    answer,
                    failure == null
                        ? null
                        : new ProblemException(problemFor(service, failure, scope))));
  }

  /**
   * {@code done}, told first to the pull's meters and span (either may be off): the outcome, and
   * the time since now.
   */
  private Completable<Answer> observed(Target target, Span span, Completable<Answer> done) {
    long start = System.nanoTime();
    return (answer, failure) -> {
      PullOutcome outcome = failure == null ? PullOutcome.of(answer.status()) : outcome(failure);
      if (target.metrics != null) {
        target.metrics.record(outcome, System.nanoTime() - start);
      }
      if (span != null) {
        if (failure == null) {
          tracing.endPull(span, answer.status());
        } else {
          tracing.endPull(span, outcome);
        }
      }
      done.complete(answer, failure);
    };
  }

  /**
   * How a pull that got no answer failed, by the status of the problem {@link #problemFor} made.
   */
  private static PullOutcome outcome(Throwable failure) {
    int status = failure instanceof ProblemException p ? p.problem().status() : 502;
    return switch (status) {
      case 503 -> PullOutcome.BREAKER_OPEN;
      case 504 -> PullOutcome.TIMEOUT;
      default -> PullOutcome.UNREACHABLE;
    };
  }

  HttpClientAgent client() {
    return client;
  }

  /**
   * The headers every pull carries: the trace, the time left, the route, and the token. Straight
   * onto the request, not through RequestOptions, which would copy a second header map.
   */
  void addHeaders(
      HttpClientRequest request,
      String route,
      boolean hasBody,
      RequestScope scope,
      String traceparent) {
    request.putHeader(TRACEPARENT, traceparent);
    request.putHeader(DEADLINE, Long.toString(Math.max(1, scope.remainingMillis())));
    if (route != null) {
      request.putHeader(ROUTE, route);
    }
    if (hasBody) {
      request.putHeader(HttpHeaders.CONTENT_TYPE, JSON);
    }
    if (authorization != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION, authorization);
    }
  }

  /**
   * The pause before attempt {@code attempt + 1}, or -1 when there is no retry left: backs off
   * exponentially, with jitter so that many callers don't retry in step.
   */
  long backoff(int attempt, RequestScope scope) {
    long delay =
        BACKOFF_MILLIS * (1L << attempt) + ThreadLocalRandom.current().nextLong(BACKOFF_MILLIS);
    if (attempt >= config.retries() || scope.cancelled() || delay >= scope.remainingMillis()) {
      return -1;
    }
    return delay;
  }

  Vertx vertx() {
    return vertx;
  }

  private Target target(String service) {
    Target target = targets.get(service);
    if (target == null) {
      CircuitBreaker breaker =
          CircuitBreaker.create(
              self + "->" + service,
              vertx,
              new CircuitBreakerOptions()
                  .setMaxFailures(5)
                  .setTimeout(-1)
                  .setResetTimeout(BREAKER_RESET_MILLIS)
                  .setNotificationAddress(null));
      PullMetrics pulls = null;
      if (metrics != null) {
        pulls = metrics.pulls(service);
        pulls.watchBreaker(() -> breakerState(breaker));
      }
      target =
          new Target(
              peers.of(service), breaker, setup.idempotent(service), pulls, leavingNanos(config));
      targets.put(service, target);
    }
    return target;
  }

  /** The breaker's state as the gauge reports it: 0 closed, 1 open, 2 half-open. */
  private static int breakerState(CircuitBreaker breaker) {
    return switch (breaker.state()) {
      case CLOSED -> 0;
      case OPEN -> 1;
      case HALF_OPEN -> 2;
    };
  }

  private Problem problemFor(String service, Throwable failure, RequestScope scope) {
    // Stopped by the request's DeadlineWatch, or timed out waiting for a connection.
    if (failure instanceof TimeoutException || scope.remainingMillis() <= 0) {
      return timedOut(service);
    }
    if (failure instanceof OpenCircuitException) {
      return ProblemType.UPSTREAM_FAILING.problem(
          "upstream '"
              + service
              + "' failed repeatedly; calls resume after "
              + BREAKER_RESET_MILLIS
              + " ms",
          self);
    }
    SSLException tls = tlsFailure(failure);
    if (tls != null) {
      return ProblemType.UPSTREAM_TLS.problem(
          "upstream '"
              + service
              + "' at "
              + peers.of(service)
              + " failed the TLS handshake: "
              + tls.getMessage(),
          self);
    }
    return ProblemType.UPSTREAM_UNREACHABLE.problem(
        "upstream '"
            + service
            + "' at "
            + peers.of(service)
            + " is unreachable: "
            + failure.getMessage(),
        self);
  }

  /** The TLS failure behind {@code failure}, or null when it is another. */
  private static SSLException tlsFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException ssl) {
        return ssl;
      }
    }
    return null;
  }

  private Problem timedOut(String service) {
    return ProblemType.UPSTREAM_TIMEOUT.problem(
        "upstream '"
            + service
            + "' did not answer within the request's deadline (DYNINKA_TIMEOUT_MS = "
            + config.upstreamTimeout().toMillis()
            + " ms)",
        self);
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
