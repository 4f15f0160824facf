package io.dyninka.runtime;

import io.vertx.core.VertxOptions;

/**
 * How many event loops and verticle instances a service runs: one loop per CPU the JVM really has,
 * one instance of a stateless service per loop.
 *
 * <p>{@link Runtime#availableProcessors()} already follows the container's CPU quota and {@code
 * -XX:ActiveProcessorCount}, which the local launcher sets to each JVM's share of the machine.
 * Vert.x's own default is twice that: with several services on one machine, the loops of all of
 * them then contend for the same cores (five services on two cores: twenty loops). Not API.
 */
public final class Processors {

  private Processors() {}

  /** The CPUs this JVM may use, at least one. */
  static int available() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** Vert.x options with one event loop per available CPU. */
  public static VertxOptions vertxOptions() {
    return new VertxOptions().setEventLoopPoolSize(available());
  }

  /**
   * The verticle instances of a stateless service on {@code options}' loops: {@code
   * DYNINKA_INSTANCES} when set, else one per loop.
   */
  public static int instances(HostConfig config, VertxOptions options) {
    return config.instances() > 0 ? config.instances() : options.getEventLoopPoolSize();
  }
}
