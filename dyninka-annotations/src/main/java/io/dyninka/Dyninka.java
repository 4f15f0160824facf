package io.dyninka;

import io.vertx.core.Vertx;

/** Access to the Vert.x instance that the current service (or {@link Flow#runLocal}) runs on. */
public final class Dyninka {

  private static volatile Vertx vertx;

  private Dyninka() {}

  /**
   * The Vert.x instance of this service, so that user code can create a {@code WebClient} without a
   * Vert.x of its own. Outside a service host, the first call creates one for this JVM.
   */
  public static Vertx vertx() {
    Vertx current = vertx;
    if (current == null) {
      synchronized (Dyninka.class) {
        if (vertx == null) {
          vertx = Vertx.vertx();
        }
        current = vertx;
      }
    }
    return current;
  }

  /**
   * Binds the Vert.x instance that {@link #vertx()} returns. Called by the Dyninka service host at
   * start-up, before any user function runs; user code does not need it.
   */
  public static synchronized void bind(Vertx instance) {
    vertx = instance;
  }
}
