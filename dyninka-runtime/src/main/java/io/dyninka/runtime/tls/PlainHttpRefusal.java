package io.dyninka.runtime.tls;

import io.dyninka.runtime.Problem;
import io.dyninka.runtime.ProblemType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a TLS listener does with a caller that speaks plain HTTP to it: logs one line naming the
 * caller's address, and answers, in plain HTTP, {@code 426 tls-required} with {@code Upgrade:
 * TLS/1.3} (RFC 9110 §15.5.22) before it closes the connection. Without the answer the caller sees
 * only a closed connection, which it cannot tell from an unreachable upstream; with it, a Dyninka
 * caller answers {@code 502 upstream-tls}, and curl shows what to fix.
 *
 * <p>Vert.x's JDK engine, its default, with Netty's {@link SslHandler} made by this factory: a
 * handler is the only place where a failed handshake still has its connection. Client contexts are
 * Vert.x's own.
 */
final class PlainHttpRefusal extends JdkSSLEngineOptions {

  private static final Logger LOG = Logger.getLogger(PlainHttpRefusal.class.getName());

  private final String service;

  PlainHttpRefusal(String service) {
    this.service = service;
  }

  @Override
  public JdkSSLEngineOptions copy() {
    // Vert.x copies its options: the copy must watch handshakes too.
    return new PlainHttpRefusal(service);
  }

  @Override
  public SslContextFactory sslContextFactory() {
    return new Factory(super.sslContextFactory());
  }

  /** Vert.x's own factory, whose contexts watch the handshakes of the handlers they make. */
  private final class Factory implements SslContextFactory {
    private final SslContextFactory delegate;

    Factory(SslContextFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public SslContextFactory useAlpn(boolean useAlpn) {
      delegate.useAlpn(useAlpn);
      return this;
    }

    @Override
    public SslContextFactory clientAuth(ClientAuth clientAuth) {
      delegate.clientAuth(clientAuth);
      return this;
    }

    @Override
    public SslContextFactory forClient(boolean forClient) {
      delegate.forClient(forClient);
      return this;
    }

    @Override
    public SslContextFactory keyMananagerFactory(KeyManagerFactory kmf) {
      delegate.keyMananagerFactory(kmf);
      return this;
    }

    @Override
    public SslContextFactory trustManagerFactory(TrustManagerFactory tmf) {
      delegate.trustManagerFactory(tmf);
      return this;
    }

    @Override
    public SslContextFactory enabledCipherSuites(Set<String> enabledCipherSuites) {
      delegate.enabledCipherSuites(enabledCipherSuites);
      return this;
    }

    @Override
    public SslContextFactory applicationProtocols(List<String> applicationProtocols) {
      delegate.applicationProtocols(applicationProtocols);
      return this;
    }

    @Override
    public SslContextFactory serverName(String serverName) {
      delegate.serverName(serverName);
      return this;
    }

    @Override
    public SslContext create() throws SSLException {
      SslContext context = delegate.create();
      return context.isClient() ? context : new Watched(context);
    }
  }

  /** A server context whose handlers answer plain HTTP: a {@link Refusing} handler each. */
  private final class Watched extends DelegatingSslContext {
    private final SslContext context;

    Watched(SslContext context) {
      super(context);
      this.context = context;
    }

    @Override
    protected void initEngine(SSLEngine engine) {}

    @Override
    protected SslHandler newHandler(ByteBufAllocator alloc, boolean startTls, Executor executor) {
      return new Refusing(context.newEngine(alloc), startTls, executor);
    }

    @Override
    protected SslHandler newHandler(
        ByteBufAllocator alloc,
        String peerHost,
        int peerPort,
        boolean startTls,
        Executor executor) {
      return new Refusing(context.newEngine(alloc, peerHost, peerPort), startTls, executor);
    }
  }

  /** Netty's handler, which keeps its context to answer a plain-HTTP caller through it. */
  private final class Refusing extends SslHandler {
    Refusing(SSLEngine engine, boolean startTls, Executor executor) {
      super(engine, startTls, executor);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
      super.handlerAdded(ctx);
      handshakeFuture()
          .addListener(
              done -> {
                if (done.cause() instanceof NotSslRecordException) {
                  refuse(ctx);
                }
              });
    }
  }

  /**
   * Runs as the handler fails the handshake, before it flushes and closes the connection: the
   * answer, written below the handler in plain text, goes out with that flush.
   */
  private void refuse(ChannelHandlerContext ctx) {
    LOG.warning(
        "service "
            + service
            + ": plain HTTP received on its TLS listener from "
            + address(ctx.channel().remoteAddress())
            + ", answered 426 (is the caller missing DYNINKA_TLS_CERT, DYNINKA_TLS_KEY and"
            + " DYNINKA_TLS_CA?)");
    ctx.write(answer());
  }

  private static String address(SocketAddress address) {
    return address instanceof InetSocketAddress inet
        ? inet.getHostString() + ":" + inet.getPort()
        : String.valueOf(address);
  }

  private ByteBuf answer() {
    Problem problem =
        ProblemType.TLS_REQUIRED.problem(
            "service "
                + service
                + " takes only TLS: call it with https://, with the app's"
                + " certificates (DYNINKA_TLS_CERT, DYNINKA_TLS_KEY, DYNINKA_TLS_CA)",
            service);
    byte[] body = problem.toJson().encode().getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 426 Upgrade Required\r\n"
            + "Upgrade: TLS/1.3, HTTP/1.1\r\n"
            + "Connection: Upgrade, close\r\n"
            + "Content-Type: "
            + Problem.CONTENT_TYPE
            + "\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    return Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body);
  }
}
