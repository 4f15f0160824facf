package io.dyninka.runtime;

import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;

/**
 * Vert.x's request decoder, except that a head with both {@code Content-Length} and {@code
 * Transfer-Encoding: chunked} is invalid (a 400 that closes the connection) instead of read as
 * chunked. Two servers on a request's way that frame it differently are how a request is smuggled
 * inside another (RFC 9112 §6.3 lets a server reject it, and a service has no reason to accept it).
 * Two different {@code Content-Length} values are already invalid to Netty.
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {

  static final String NAME = "httpDecoder";

  StrictRequestDecoder(HttpServerOptions options) {
    super(options);
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    // Thrown while the head is read, so Netty answers it as an invalid message and discards the
    // rest of the connection's input, as it does for two different Content-Length values.
    throw new IllegalArgumentException("Content-Length and Transfer-Encoding: chunked together");
  }
}
