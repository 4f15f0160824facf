package io.dyninka.it.network;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Client threads that post orders to the sink one after the other, each waiting for its answer,
 * until stopped; every answer is kept with when it was asked and how long it took. A request that
 * gets no answer within {@code requestTimeout} is kept as a failure: that is a hang.
 */
final class ClientLoad {

  /** One answer, or the failure that stood for it (status -1). */
  record Answer(
      String input,
      int status,
      String contentType,
      String body,
      long startNanos,
      long millis,
      String failure) {}

  private final HttpClient http;
  private final URI sink;
  private final List<String> inputs;
  private final Duration requestTimeout;
  private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;

  ClientLoad(HttpClient http, URI sink, List<String> inputs, Duration requestTimeout) {
    this.http = http;
    this.sink = sink;
    this.inputs = List.copyOf(inputs);
    this.requestTimeout = requestTimeout;
  }

  /** Posts {@code input} once and returns its answer. */
  static Answer post(HttpClient http, URI sink, String input, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(sink)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(input))
            .build();
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          input,
          response.statusCode(),
          response.headers().firstValue("content-type").orElse(""),
          response.body(),
          start,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          null);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return new Answer(
          input,
          -1,
          "",
          "",
          start,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          e.toString());
    }
  }

  void start(int threadCount) {
    for (int t = 0; t < threadCount; t++) {
      int first = t;
      Thread thread =
          new Thread(
              () -> {
                for (int i = first; !stopped && !Thread.currentThread().isInterrupted(); i++) {
                  answers.add(post(http, sink, inputs.get(i % inputs.size()), requestTimeout));
                }
              },
              "client-" + t);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /**
   * Stops the threads after their current request and returns every answer; a thread still busy
   * after {@code requestTimeout} plus a margin is interrupted and reported as hung.
   */
  List<Answer> stop() throws InterruptedException {
    stopped = true;
    List<String> hung = new ArrayList<>();
    for (Thread thread : threads) {
      thread.join(requestTimeout.plusSeconds(5).toMillis());
      if (thread.isAlive()) {
        hung.add(thread.getName());
        thread.interrupt();
      }
    }
    if (!hung.isEmpty()) {
      throw new AssertionError("client threads still waiting for an answer: " + hung);
    }
    synchronized (answers) {
      return List.copyOf(answers);
    }
  }
}
