package io.dyninka.runtime.launch;

import java.util.function.Consumer;

/**
 * Hands lines to a sink one at a time. A sink that throws must not stop the thread that drains a
 * service's output: a full pipe would block the service.
 */
final class SerializedSink implements Consumer<String> {

  private final Consumer<String> sink;

  SerializedSink(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  public synchronized void accept(String line) {
    try {
      sink.accept(line);
    } catch (RuntimeException e) {
      // Losing a log line is better than blocking the service.
    }
  }
}
