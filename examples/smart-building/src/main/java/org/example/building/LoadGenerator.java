package org.example.building;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls the app's entry URL a given number of times, keeping a fixed number of requests in flight
 * (the paper drove its runs with hey the same way), on pooled keep-alive connections.
 */
final class LoadGenerator {

  /** After this many failures the run stops early: the app is broken, more calls tell nothing. */
  static final int MAX_FAILURES = 20;

  private final HttpClientAgent client;
  private final String entryUrl;
  private final int concurrency;
  private final LoadStats stats;
  private final AtomicInteger issued = new AtomicInteger();

  LoadGenerator(Vertx vertx, URI entryUrl, int total, int concurrency, int chainLength) {
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
            new PoolOptions().setHttp1MaxSize(concurrency));
    this.entryUrl = entryUrl.toString();
    this.concurrency = concurrency;
    this.stats = new LoadStats(total, chainLength);
  }

  /** The numbers so far; they keep changing until {@link #run()} completes. */
  LoadStats stats() {
    return stats;
  }

  /** Sends every request; completes (never fails) when the last answer is in. */
  Future<LoadStats> run() {
    List<Future<Void>> workers = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Promise<Void> done = Promise.promise();
      next(done);
      workers.add(done.future());
    }
    return Future.join(workers)
        .eventually(client::close)
        .transform(
            ignored -> {
              stats.finish();
              return Future.succeededFuture(stats);
            });
  }

  // A promise per worker rather than a compose chain: thousands of nested composes would complete
  // recursively, one stack frame group per request.
  private void next(Promise<Void> done) {
    if (issued.getAndIncrement() >= stats.total() || stats.failed() >= MAX_FAILURES) {
      done.complete();
      return;
    }
    call().onComplete(ignored -> next(done));
  }

  private Future<Void> call() {
    long start = System.nanoTime();
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setAbsoluteURI(entryUrl)
            .setIdleTimeout(30_000);
    return client
        .request(request)
        // The body is read inside send's callback: chained outside it, the first requests (sent
        // from the main thread) could lose their body to a race and never complete.
        .compose(
            req ->
                req.send()
                    .compose(
                        response -> response.body().map(body -> answered(response, body, start))))
        .recover(
            failure -> {
              stats.failed(failure.getClass().getSimpleName() + ": " + failure.getMessage());
              return Future.succeededFuture();
            });
  }

  private Void answered(HttpClientResponse response, Buffer body, long start) {
    stats.answered(
        response.statusCode(),
        response.getHeader("Server-Timing"),
        body.toString(),
        System.nanoTime() - start);
    return null;
  }
}
