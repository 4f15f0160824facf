package io.dyninka.runtime;

import io.vertx.core.Completable;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * Where a service pulls its inputs from. The call path sees only this: whether an upstream is
 * reached over HTTP ({@link UpstreamClient}, the only kind today) or in the same process is the
 * business of the implementation, chosen when the verticle starts.
 */
interface Upstream {

  /**
   * An upstream's answer: status, body, and its {@code Server-Timing} entries. An upstream in the
   * same process answers a 200 with its output object as {@code value} and no body: it is handed to
   * the caller as is, never written as JSON.
   */
  record Answer(int status, Buffer body, String contentType, String serverTiming, Object value) {

    /** An answer over HTTP: its body is JSON. */
    Answer(int status, Buffer body, String contentType, String serverTiming) {
      this(status, body, contentType, serverTiming, null);
    }

    /** Whether the caller takes {@link #value} as it is instead of decoding {@link #body}. */
    boolean decoded() {
      return body == null;
    }
  }

  /**
   * Pulls from {@code service}, forwarding the request body (null for none), the rest of the route
   * (null for the manifest's), the trace context and the time left in {@code scope}, and tells
   * {@code done} the answer, whatever its status, or a {@link ProblemException} when there is none
   * (502, 503, 504). Called on the verticle's event loop, and completes {@code done} there.
   */
  void pull(
      String service, String route, Buffer body, RequestScope scope, Completable<Answer> done);

  /** Releases what the pulls held (connections), when the verticle stops. */
  Future<Void> close();
}
