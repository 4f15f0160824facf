package io.dyninka.it.network;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs iproute2's {@code ip} and fails with its own words when it fails. */
final class Ip {

  private static final long TIMEOUT_SECONDS = 20;

  private Ip() {}

  /** Runs {@code ip args...} and returns its output; throws {@link IpException} on failure. */
  static String run(String... args) {
    List<String> command = new ArrayList<>();
    command.add("ip");
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IpException(String.join(" ", command) + " cannot start: " + e.getMessage(), e);
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process));
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IpException(String.join(" ", command) + " did not end in 20 s", null);
      }
      String text = output.get(5, TimeUnit.SECONDS);
      if (process.exitValue() != 0) {
        throw new IpException(
            String.join(" ", command) + " failed (" + process.exitValue() + "): " + text.strip(),
            null);
      }
      return text;
    } catch (IOException | InterruptedException | ExecutionException e) {
      throw new IpException(String.join(" ", command) + " failed: " + e, e);
    } catch (TimeoutException e) {
      throw new IpException(String.join(" ", command) + " kept its output open", e);
    }
  }

  private static String read(Process process) {
    try (InputStream in = process.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** A failed {@code ip} command, with the command and what it printed. */
  static final class IpException extends RuntimeException {
    IpException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
