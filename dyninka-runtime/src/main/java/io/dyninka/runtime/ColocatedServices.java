package io.dyninka.runtime;

import io.dyninka.runtime.observe.Observability;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The services that share one process, and where each of their started instances runs: what the
 * {@link LocalUpstream} of a member asks to call another member directly.
 *
 * <p>A stateless member is called on the caller's own event loop, through a call path the caller
 * builds from the member's {@link ServiceSetup} ({@link LocalCalls}). A stateful member is called
 * through its single instance, which registers its {@link CallHandler} with the event-loop thread
 * it lives on, so that its invocations stay serial.
 */
public final class ColocatedServices {

  /** One started instance of a member: its event loop and its call path. */
  record Instance(Thread loop, io.vertx.core.Context context, CallHandler handler) {}

  private final Set<String> members;
  private final Map<String, ServiceSetup> setups = new ConcurrentHashMap<>();
  private final Map<String, Observability> observed = new ConcurrentHashMap<>();
  private final Map<String, List<Instance>> instances = new ConcurrentHashMap<>();

  /** A process hosting {@code members}, services of one app. */
  public ColocatedServices(Collection<String> members) {
    this.members = Set.copyOf(members);
  }

  public Set<String> members() {
    return members;
  }

  boolean contains(String service) {
    return members.contains(service);
  }

  /** A member's setup, before its instances start: what a caller needs to run its call path. */
  void register(ServiceSetup setup, Observability observe) {
    observed.put(setup.name(), observe);
    setups.put(setup.name(), setup);
  }

  /** The setup of member {@code service}; null before it has started. */
  /** What records {@code service}'s calls: its tracing spans and its pulls' meters. */
  Observability observability(String service) {
    return observed.get(service);
  }

  ServiceSetup setup(String service) {
    return setups.get(service);
  }

  void register(String service, Instance instance) {
    instances.computeIfAbsent(service, s -> new CopyOnWriteArrayList<>()).add(instance);
  }

  void unregister(String service, Instance instance) {
    List<Instance> started = instances.get(service);
    if (started != null) {
      started.remove(instance);
    }
  }

  /**
   * The instance of {@code service} to call from thread {@code caller}: the one on that thread if
   * there is one, else one of the others (reached with a hop); null before the member has started.
   */
  Instance instance(String service, Thread caller) {
    List<Instance> started = instances.get(service);
    if (started == null || started.isEmpty()) {
      return null;
    }
    for (Instance instance : started) {
      if (instance.loop() == caller) {
        return instance;
      }
    }
    return started.get(Math.floorMod(caller.hashCode(), started.size()));
  }
}
