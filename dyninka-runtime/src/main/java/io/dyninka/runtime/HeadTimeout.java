package io.dyninka.runtime;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose next request head does not arrive in time ({@code
 * DYNINKA_HEAD_TIMEOUT_MS}): the clock runs from the connection's start, and from the end of each
 * answer when no other request is waiting, until a whole head has been read. A slow client (one
 * byte a second, "slowloris") is closed after it, however steadily it sends; an idle keep-alive
 * connection is too. Placed right after the HTTP decoder, it sees heads as they are completed and
 * answers as they are written; it costs nothing per request but a counter.
 */
final class HeadTimeout extends ChannelDuplexHandler {

  static final String NAME = "dyninka-head-timeout";

  private final long millis;
  private int waiting;
  private ScheduledFuture<?> timer;

  HeadTimeout(long millis) {
    this.millis = millis;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    start(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    stop();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    stop();
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest) {
      waiting++;
      stop();
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    if (msg instanceof LastHttpContent && --waiting <= 0) {
      waiting = 0;
      start(ctx);
    }
    super.write(ctx, msg, promise);
  }

  private void start(ChannelHandlerContext ctx) {
    stop();
    timer = ctx.executor().schedule(() -> ctx.channel().close(), millis, TimeUnit.MILLISECONDS);
  }

  private void stop() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
