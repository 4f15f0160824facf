package io.dyninka.runtime;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.HttpServerConnection;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection the way nginx does after an error answer (a 431 or a 400): it sends its end
 * of the stream, then reads and discards what the client still sends, for at most {@link
 * #MAX_MILLIS} or {@link #MAX_BYTES}, before it closes. Closed at once, a socket with unread input
 * answers the client's next segment with a reset, which destroys the answer the client has not read
 * yet: a client that sent a 200 KB head would see a reset instead of its 431.
 */
final class LingeringClose extends ChannelInboundHandlerAdapter {

  static final long MAX_MILLIS = 2_000;
  static final long MAX_BYTES = 1 << 20;

  private long discarded;

  private LingeringClose() {}

  /** Lingers on {@code connection}, whose error answer has been written. */
  static void close(HttpConnection connection) {
    Channel channel = ((HttpServerConnection) connection).channelHandlerContext().channel();
    if (!channel.isActive()) {
      return;
    }
    // First in the pipeline: no byte reaches the HTTP decoder any more, so no request follows.
    channel.pipeline().addFirst("dyninka-linger", new LingeringClose());
    channel.config().setAutoRead(true);
    ScheduledFuture<?> deadline =
        channel.eventLoop().schedule(() -> channel.close(), MAX_MILLIS, TimeUnit.MILLISECONDS);
    channel.closeFuture().addListener(closed -> deadline.cancel(false));
    if (channel instanceof DuplexChannel duplex) {
      // The client reads its answer, then the end of the stream, and closes its side: that end
      // (an input shutdown) closes this one.
      duplex.shutdownOutput();
    } else {
      channel.close();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf bytes) {
      discarded += bytes.readableBytes();
    }
    ReferenceCountUtil.release(msg);
    if (discarded > MAX_BYTES) {
      ctx.close();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    // Nothing was passed on, so nothing downstream waits for the end of a read.
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent) {
      ctx.close();
    }
    ReferenceCountUtil.release(event);
  }
}
