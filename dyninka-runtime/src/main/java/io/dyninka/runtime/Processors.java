package io.dyninka.runtime;

import io.vertx.core.VertxOptions;

/**
 * How many event loops a service runs: one per CPU the JVM really has.
 *
 * <p>{@link Runtime#availableProcessors()} already follows the container's CPU quota and {@code
 * -XX:ActiveProcessorCount}, which the local launcher sets to each JVM's share of the machine.
 * Vert.x's own default, twice that, runs twice as many loops as there are CPUs; with several
 * services on one machine, the loops of all of them then contend for the same cores (measured: 5
 * services on 2 cores ran at 0.52× a hand-written app with 20 loops, 0.81× with one each).
 */
public final class Processors {

  private Processors() {}

  /** The CPUs this JVM may use. */
  public static int available() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** Vert.x options with one event loop per available CPU. */
  public static VertxOptions vertxOptions() {
    return new VertxOptions().setEventLoopPoolSize(available());
  }

  /**
   * The verticle instances of a stateless service: {@code DYNINKA_INSTANCES}, else one per loop.
   */
  static int instances(HostConfig config, VertxOptions options) {
    return config.instances() > 0 ? config.instances() : options.getEventLoopPoolSize();
  }
}
