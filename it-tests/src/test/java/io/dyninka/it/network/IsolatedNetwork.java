package io.dyninka.it.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small network of this run's own: one network namespace per host, each joined by a veth pair to
 * a bridge in a hub namespace, and one more veth from the hub to this JVM's namespace, so the test
 * is the client. Addresses come from one /24 of the RFC 2544 benchmarking range 198.18.0.0/15; the
 * host namespaces have no other route, so nothing leaves the network.
 *
 * <p>{@link #cut} takes a host's bridge port down: frames to and from the host are dropped, with no
 * reset, as when a cable or a switch port fails. {@link #close} (also from a shutdown hook) stops
 * every process left in the namespaces and deletes them with their veths; a run killed before it
 * could do so has its namespaces removed by the next run.
 */
final class IsolatedNetwork implements AutoCloseable {

  static final String NEEDED = "network namespaces are needed: run as root with iproute2";

  private static final String PREFIX = "dynit-";
  private static final Pattern OURS = Pattern.compile("^" + PREFIX + "(\\d+)-\\S+");
  private static final String BRIDGE = "br0";

  private final String run;
  private final String subnet;
  private final String clientLink;
  private final String hub;
  private final Map<String, Host> hosts = new LinkedHashMap<>();
  private final List<String> namespaces = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private boolean clientLinkAdded;
  private final Thread shutdownHook;

  /** One host: its namespace, its address, and its port on the hub's bridge. */
  record Host(String name, String namespace, String address, String bridgePort) {}

  private IsolatedNetwork() {
    long pid = ProcessHandle.current().pid();
    this.run = PREFIX + pid;
    this.hub = run + "-hub";
    this.clientLink = "dynit" + pid;
    this.subnet = freeSubnet(pid);
    this.shutdownHook = new Thread(this::close, "remove-" + run);
  }

  /**
   * Builds the network with one host per name (names are for this class; the hosts get addresses
   * .10, .11, … in the order given), and the client at .1 in this JVM's namespace.
   *
   * @throws AssertionError naming {@link #NEEDED} when namespaces cannot be made here
   */
  static IsolatedNetwork create(List<String> hostNames) {
    IsolatedNetwork network;
    try {
      removeLeftoversOfDeadRuns();
      network = new IsolatedNetwork();
    } catch (Ip.IpException e) {
      throw new AssertionError(NEEDED + " (" + e.getMessage() + ")", e);
    }
    Runtime.getRuntime().addShutdownHook(network.shutdownHook);
    try {
      network.addHub();
      network.addClientLink();
      for (int i = 0; i < hostNames.size(); i++) {
        network.addHost(hostNames.get(i), i);
      }
      return network;
    } catch (RuntimeException | Error e) {
      network.close();
      throw e;
    }
  }

  private void addHub() {
    try {
      Ip.run("netns", "add", hub);
    } catch (Ip.IpException e) {
      throw new AssertionError(NEEDED + " (" + e.getMessage() + ")", e);
    }
    namespaces.add(hub);
    Ip.run("-n", hub, "link", "add", BRIDGE, "type", "bridge");
    Ip.run("-n", hub, "link", "set", BRIDGE, "up");
  }

  private void addClientLink() {
    Ip.run("link", "add", clientLink, "type", "veth", "peer", "name", "client", "netns", hub);
    clientLinkAdded = true;
    Ip.run("-n", hub, "link", "set", "client", "master", BRIDGE, "up");
    Ip.run("addr", "add", subnet + ".1/24", "dev", clientLink);
    Ip.run("link", "set", clientLink, "up");
  }

  private void addHost(String name, int index) {
    String namespace = run + "-" + index;
    String port = "port" + index;
    String address = subnet + "." + (10 + index);
    Ip.run("netns", "add", namespace);
    namespaces.add(namespace);
    Ip.run("-n", namespace, "link", "set", "lo", "up");
    Ip.run(
        "link", "add", "eth0", "netns", namespace, "type", "veth", "peer", "name", port, "netns",
        hub);
    Ip.run("-n", hub, "link", "set", port, "master", BRIDGE, "up");
    Ip.run("-n", namespace, "addr", "add", address + "/24", "dev", "eth0");
    Ip.run("-n", namespace, "link", "set", "eth0", "up");
    hosts.put(name, new Host(name, namespace, address, port));
  }

  /** The first /24 of 198.18.0.0/15 that this namespace does not use yet, starting from the pid. */
  private static String freeSubnet(long pid) {
    String inUse = Ip.run("-4", "-o", "addr", "show") + Ip.run("-4", "-o", "route", "show");
    for (int i = 0; i < 510; i++) {
      int third = (int) ((pid + i) % 510) + 1;
      String candidate = third < 256 ? "198.18." + third : "198.19." + (third - 256);
      if (!inUse.contains(candidate + ".")) {
        return candidate;
      }
    }
    throw new IllegalStateException("every /24 of 198.18.0.0/15 is in use in this namespace");
  }

  Host host(String name) {
    Host host = hosts.get(name);
    if (host == null) {
      throw new IllegalArgumentException("no host " + name + " in " + hosts.keySet());
    }
    return host;
  }

  /** {@code command} run inside {@code host}'s namespace. */
  List<String> inNamespace(String host, List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of("ip", "netns", "exec", host(host).namespace()));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Drops every frame to and from {@code host}, as a failed cable does. */
  void cut(String host) {
    Ip.run("-n", hub, "link", "set", host(host).bridgePort(), "down");
  }

  void restore(String host) {
    Ip.run("-n", hub, "link", "set", host(host).bridgePort(), "up");
  }

  /** Describes the network, for the test log. */
  String describe() {
    StringBuilder text = new StringBuilder("network " + subnet + ".0/24, client " + subnet + ".1");
    hosts.values().forEach(h -> text.append(", ").append(h.name()).append(' ').append(h.address()));
    return text.toString();
  }

  /**
   * Stops what still runs in the namespaces, deletes them and the client's veth, and checks that
   * none is left.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Called by the hook itself, while the JVM shuts down.
    }
    if (clientLinkAdded) {
      quietly("link", "del", clientLink);
    }
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      remove(namespaces.get(i));
    }
    List<String> left = ourNamespaces().stream().filter(n -> n.startsWith(run + "-")).toList();
    if (!left.isEmpty()) {
      throw new IllegalStateException("network namespaces left behind: " + left);
    }
  }

  private static void remove(String namespace) {
    stopProcessesIn(namespace);
    quietly("netns", "del", namespace);
  }

  private static void stopProcessesIn(String namespace) {
    String pids;
    try {
      pids = Ip.run("netns", "pids", namespace);
    } catch (Ip.IpException e) {
      return;
    }
    for (String pid : pids.trim().split("\\s+")) {
      if (!pid.isEmpty()) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(IsolatedNetwork::kill);
      }
    }
  }

  private static void kill(ProcessHandle process) {
    process.destroyForcibly();
    try {
      process.onExit().get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // Deleting the namespace's name still works; the kernel frees it when the process ends.
    }
  }

  private static void quietly(String... args) {
    try {
      Ip.run(args);
    } catch (Ip.IpException e) {
      System.out.println("[network] " + e.getMessage());
    }
  }

  /** Namespaces of runs whose JVM is gone (killed before its hook ran). */
  private static void removeLeftoversOfDeadRuns() {
    for (String namespace : ourNamespaces()) {
      Matcher matcher = OURS.matcher(namespace);
      if (matcher.matches()) {
        Optional<ProcessHandle> owner = ProcessHandle.of(Long.parseLong(matcher.group(1)));
        if (owner.filter(ProcessHandle::isAlive).isEmpty()) {
          System.out.println("[network] removing " + namespace + ", left by a dead run");
          remove(namespace);
        }
      }
    }
  }

  private static List<String> ourNamespaces() {
    String list;
    try {
      list = Ip.run("netns", "list");
    } catch (Ip.IpException e) {
      return List.of();
    }
    return list.lines()
        .map(line -> line.split("\\s+")[0])
        .filter(name -> name.startsWith(PREFIX))
        .toList();
  }
}
