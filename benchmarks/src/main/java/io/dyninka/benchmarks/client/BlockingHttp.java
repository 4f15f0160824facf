package io.dyninka.benchmarks.client;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sequential HTTP calls from a plain thread (JMH's, the runner's), over one keep-alive connection:
 * {@code GET}, or {@code POST} with a JSON body for an app that takes one.
 *
 * <p>Each call is issued on one Vert.x event-loop context and only its result crosses to the
 * calling thread; {@link #interleave} keeps a whole series on the event loop. Calling {@code
 * HttpClientAgent.request} from a non-Vert.x thread and awaiting it, the obvious way, loses a
 * response now and then with Vert.x 5.0.7 on this machine (a request never completes after a few
 * hundred to a few thousand calls), which would hang a benchmark.
 */
public final class BlockingHttp implements AutoCloseable {

  /** What a call answered. */
  public record Answer(int status, Buffer body, String serverTiming) {

    public int bodyLength() {
      return body.length();
    }
  }

  private static final long TIMEOUT_SECONDS = 30;

  private final Context context;
  private final HttpClientAgent client;

  public BlockingHttp(Vertx vertx) {
    this.context = vertx.getOrCreateContext();
    this.client =
        vertx
            .httpClientBuilder()
            .with(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true))
            .with(new PoolOptions().setHttp1MaxSize(1))
            .build();
  }

  /** {@code GET http://host:port<path>}; throws if it fails or takes longer than 30 s. */
  public Answer get(String host, int port, String path) {
    return call(host, port, path, null);
  }

  /** {@code POST http://host:port<path>} with a JSON body; throws as {@link #get} does. */
  public Answer post(String host, int port, String path, Buffer json) {
    return call(host, port, path, json);
  }

  /** A GET when {@code json} is null, else a POST of it. */
  public Answer call(String host, int port, String path, Buffer json) {
    String what = (json == null ? "GET " : "POST ") + host + ":" + port + path;
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    context.runOnContext(
        v ->
            request(host, port, path, json)
                .onComplete(
                    result -> {
                      if (result.succeeded()) {
                        answer.complete(result.result());
                      } else {
                        answer.completeExceptionally(result.cause());
                      }
                    }));
    try {
      return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + " got no answer in " + TIMEOUT_SECONDS + " s", e);
    }
  }

  /** Receives each answer of {@link #interleave}, on the event loop. */
  public interface Recorder {
    void record(int target, Answer answer, long nanos);
  }

  /**
   * {@code rounds} rounds of sequential GETs, one to each target in turn, driven from the event
   * loop (each answer sends the next request), so no thread hop lands inside a timed span and every
   * target sees the same background load; returns once all are answered. The pool keeps one
   * connection per target.
   */
  public void interleave(List<URI> targets, int rounds, Recorder recorder) {
    interleave(targets, null, rounds, recorder);
  }

  /** {@link #interleave(List, int, Recorder)} with POSTs of {@code json}, or GETs when null. */
  public void interleave(List<URI> targets, Buffer json, int rounds, Recorder recorder) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(v -> next(targets, json, 0, rounds * targets.size(), recorder, done));
    try {
      done.get(TIMEOUT_SECONDS + rounds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "a GET of " + targets + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          rounds + " rounds of GETs of " + targets + " did not finish in time", e);
    }
  }

  private void next(
      List<URI> targets,
      Buffer json,
      int sent,
      int total,
      Recorder recorder,
      CompletableFuture<Void> done) {
    if (sent == total) {
      done.complete(null);
      return;
    }
    int target = sent % targets.size();
    URI uri = targets.get(target);
    long begin = System.nanoTime();
    request(uri.getHost(), uri.getPort(), uri.getRawPath(), json)
        .onSuccess(
            answer -> {
              recorder.record(target, answer, System.nanoTime() - begin);
              next(targets, json, sent + 1, total, recorder, done);
            })
        .onFailure(done::completeExceptionally);
  }

  private Future<Answer> request(String host, int port, String path, Buffer json) {
    return client
        .request(json == null ? HttpMethod.GET : HttpMethod.POST, port, host, path)
        .compose(
            request ->
                json == null
                    ? request.send()
                    : request.putHeader("Content-Type", "application/json").send(json))
        .compose(
            response ->
                response
                    .body()
                    .map(
                        body ->
                            new Answer(
                                response.statusCode(), body, response.getHeader("Server-Timing"))));
  }

  @Override
  public void close() {
    Future<Void> closed = client.close();
    closed
        .toCompletionStage()
        .toCompletableFuture()
        .orTimeout(5, TimeUnit.SECONDS)
        .exceptionally(e -> null)
        .join();
  }
}
