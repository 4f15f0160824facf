package io.dyninka.runtime.launch;

import io.dyninka.runtime.group.GroupMain;
import io.dyninka.runtime.group.MemberPorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One service's JVM, with the thread that drains its output: it prefixes each line with the service
 * name, hands it to the log sink and keeps the last few lines for error messages.
 */
final class ServiceProcess {

  private static final int KEPT_LINES = 25;

  private final String name;
  private final int port;
  private final Map<String, Integer> members;
  private final Set<String> tlsMembers;
  private final Process process;
  private final Deque<String> lastLines = new ArrayDeque<>();
  private final CompletableFuture<ServiceExit> exit = new CompletableFuture<>();

  private ServiceProcess(
      String name,
      int port,
      Map<String, Integer> members,
      Set<String> tlsMembers,
      Process process) {
    this.name = name;
    this.port = port;
    this.members = Map.copyOf(members);
    this.tlsMembers = Set.copyOf(tlsMembers);
    this.process = process;
  }

  /**
   * Starts {@code command} with the parent's environment plus {@code environment}, stderr merged
   * into stdout so one thread keeps the lines in the order the service wrote them.
   */
  static ServiceProcess start(
      String name,
      int port,
      List<String> command,
      Map<String, String> environment,
      Consumer<String> sink)
      throws IOException {
    return start(name, port, Map.of(name, port), Set.of(), command, environment, sink);
  }

  /**
   * Starts a process that hosts {@code members} (service → port), known as {@code name} (the
   * group); {@code port} is the one whose readiness means the whole process is ready. The members
   * in {@code tlsMembers} are reached over TLS.
   */
  static ServiceProcess start(
      String name,
      int port,
      Map<String, Integer> members,
      Set<String> tlsMembers,
      List<String> command,
      Map<String, String> environment,
      Consumer<String> sink)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // A lone service's main would host a group if it inherited the group's variables.
    builder.environment().remove(GroupMain.GROUP_ENV);
    builder.environment().remove(MemberPorts.ENV);
    builder.environment().putAll(environment);
    ServiceProcess service = new ServiceProcess(name, port, members, tlsMembers, builder.start());
    // The child never reads its stdin; closing it keeps it from waiting on our terminal.
    service.process.getOutputStream().close();
    Thread pump = new Thread(() -> service.drain(sink), "dyninka-log-" + name);
    pump.setDaemon(true);
    pump.start();
    return service;
  }

  private void drain(Consumer<String> sink) {
    String prefix = "[" + name + "] ";
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), childCharset()))) {
      String line;
      while ((line = reader.readLine()) != null) {
        remember(line);
        sink.accept(prefix + line);
      }
    } catch (IOException e) {
      // The stream closes under us when the process is destroyed: its output has ended.
    }
    // Output ends when the process exits; wait for its code so that the exit carries all lines.
    int code = waitForExitCode();
    exit.complete(new ServiceExit(name, code, lastLines()));
  }

  /** A child JVM writes its console output in the platform's encoding, like this one. */
  private static Charset childCharset() {
    try {
      return Charset.forName(System.getProperty("native.encoding"));
    } catch (RuntimeException e) {
      return Charset.defaultCharset();
    }
  }

  private int waitForExitCode() {
    while (true) {
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        // A daemon thread with one job: finish it.
      }
    }
  }

  private synchronized void remember(String line) {
    if (lastLines.size() == KEPT_LINES) {
      lastLines.removeFirst();
    }
    lastLines.addLast(line);
  }

  synchronized List<String> lastLines() {
    return List.copyOf(lastLines);
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  /** The port of each service this process hosts: itself alone, or the members of its group. */
  Map<String, Integer> members() {
    return members;
  }

  /** The URL of the member whose readiness is the process's. */
  URI url() {
    return members.entrySet().stream()
        .filter(member -> member.getValue() == port)
        .map(member -> url(member.getKey()))
        .findFirst()
        .orElse(URI.create("http://127.0.0.1:" + port));
  }

  /** The base URL of {@code member}: {@code https} when it speaks TLS to its clients. */
  URI url(String member) {
    return URI.create(
        (tlsMembers.contains(member) ? "https" : "http") + "://127.0.0.1:" + members.get(member));
  }

  Process process() {
    return process;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Completes once the process has exited and all of its output has reached the sink. */
  CompletableFuture<ServiceExit> exit() {
    return exit;
  }
}
