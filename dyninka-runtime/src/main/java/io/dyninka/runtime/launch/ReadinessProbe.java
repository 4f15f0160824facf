package io.dyninka.runtime.launch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/** Waits until every service answers {@code GET /health/ready} with 200, or explains why not. */
final class ReadinessProbe {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration OUTPUT_DRAIN_WAIT = Duration.ofSeconds(2);

  private final Duration timeout;
  private final HttpClient client;

  ReadinessProbe(Duration timeout) {
    this(timeout, null);
  }

  /** A probe that reaches TLS services with {@code tls} (its certificate and trust), if given. */
  ReadinessProbe(Duration timeout, SSLContext tls) {
    this.timeout = timeout;
    HttpClient.Builder client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT);
    if (tls != null) {
      client.sslContext(tls);
    }
    this.client = client.build();
  }

  void awaitReady(List<ServiceProcess> services) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<ServiceProcess, String> notReady = new LinkedHashMap<>();
    services.forEach(s -> notReady.put(s, "no answer yet"));
    while (true) {
      for (ServiceProcess service : new ArrayList<>(notReady.keySet())) {
        if (!service.isAlive()) {
          throw exited(service);
        }
        String answer = poll(service);
        if (answer == null) {
          notReady.remove(service);
        } else {
          notReady.put(service, answer);
        }
      }
      if (notReady.isEmpty()) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw timedOut(notReady);
      }
      sleep(notReady.keySet().iterator().next());
    }
  }

  /** Returns {@code null} when the service is ready, else what it answered. */
  private String poll(ServiceProcess service) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(service.url() + "/health/ready"))
            .timeout(REQUEST_TIMEOUT)
            .GET()
            .build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status == 200 ? null : "answered " + status;
    } catch (ConnectException e) {
      return "refused the connection";
    } catch (IOException e) {
      return "failed: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(service);
    }
  }

  private void sleep(ServiceProcess waitingFor) {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(waitingFor);
    }
  }

  private static LaunchException exited(ServiceProcess service) {
    ServiceExit exit = awaitOutput(service);
    return new LaunchException(
        LaunchException.Reason.EXITED,
        service.name(),
        "Service '"
            + service.name()
            + "' exited with code "
            + exit.exitCode()
            + " before it was ready.",
        exit.lastLines());
  }

  private static ServiceExit awaitOutput(ServiceProcess service) {
    try {
      return service.exit().get(OUTPUT_DRAIN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Report what has been read so far.
    }
    return new ServiceExit(service.name(), service.process().exitValue(), service.lastLines());
  }

  private LaunchException timedOut(Map<ServiceProcess, String> notReady) {
    ServiceProcess first = notReady.keySet().iterator().next();
    StringBuilder message =
        new StringBuilder("Service '")
            .append(first.name())
            .append("' (pid ")
            .append(first.pid())
            .append(") was not ready within ")
            .append(describe(timeout))
            .append(": GET ")
            .append(first.url())
            .append("/health/ready ")
            .append(notReady.get(first))
            .append('.');
    if (notReady.size() > 1) {
      List<String> others = notReady.keySet().stream().skip(1).map(ServiceProcess::name).toList();
      message.append(" Not ready either: ").append(String.join(", ", others)).append('.');
    }
    return new LaunchException(
        LaunchException.Reason.NOT_READY, first.name(), message.toString(), first.lastLines());
  }

  private static String describe(Duration duration) {
    return duration.toMillisPart() == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  private static LaunchException interrupted(ServiceProcess service) {
    return new LaunchException(
        LaunchException.Reason.NOT_READY,
        service.name(),
        "Interrupted while waiting for service '" + service.name() + "' to be ready.",
        (Throwable) null);
  }
}
