package io.dyninka.runtime;

import io.dyninka.manifest.ServiceManifest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * Calls the user's function the way its service is declared: on the event loop, or on a worker
 * thread for {@code blocking} services (in order, for stateful ones), and unwraps its {@code
 * Future} or {@code Optional}. Measures the function's own time for {@code Server-Timing}.
 */
final class FunctionCall {

  /** What one call produced: the output, or {@code filtered} when an Optional came back empty. */
  record Outcome(Object value, boolean filtered, long nanos) {}

  private final ServiceFunction function;
  private final ServiceManifest.Kind kind;
  private final boolean blocking;
  private final boolean ordered;
  private final String service;

  FunctionCall(ServiceFunction function, ServiceManifest service) {
    this.function = function;
    this.kind = service.kind();
    this.blocking = service.blocking();
    this.ordered = service.stateful();
    this.service = service.name();
  }

  Future<Outcome> run(Context context, Arguments arguments) {
    if (blocking) {
      return context.executeBlocking(() -> start(arguments), ordered).compose(this::finish);
    }
    try {
      return finish(start(arguments));
    } catch (ProblemException e) {
      return Future.failedFuture(e);
    }
  }

  /** Runs the function up to its return; an async function's time is taken when it completes. */
  private Started start(Arguments arguments) {
    long begin = System.nanoTime();
    Object result;
    try {
      result = function.apply(arguments);
    } catch (Exception | LinkageError | AssertionError e) {
      throw failed(e);
    }
    return new Started(result, begin, System.nanoTime());
  }

  private Future<Outcome> finish(Started started) {
    Object result = started.result();
    return switch (kind) {
      case VALUE ->
          Future.succeededFuture(new Outcome(result, false, started.end() - started.begin()));
      case OPTIONAL -> {
        if (!(result instanceof Optional<?> optional)) {
          yield Future.failedFuture(
              failed(
                  new NullPointerException("the function returned null instead of an Optional")));
        }
        yield Future.succeededFuture(
            new Outcome(
                optional.orElse(null), optional.isEmpty(), started.end() - started.begin()));
      }
      case ASYNC -> {
        if (!(result instanceof Future<?> future)) {
          yield Future.failedFuture(
              failed(new NullPointerException("the function returned null instead of a Future")));
        }
        yield future
            .<Outcome>map(value -> new Outcome(value, false, System.nanoTime() - started.begin()))
            .recover(e -> Future.failedFuture(e instanceof ProblemException ? e : failed(e)));
      }
    };
  }

  private ProblemException failed(Throwable cause) {
    String message = cause.getMessage();
    String detail = cause.getClass().getName() + (message == null ? "" : ": " + message);
    return new ProblemException(ProblemType.FUNCTION_FAILED.problem(detail, service), cause);
  }

  private record Started(Object result, long begin, long end) {}
}
