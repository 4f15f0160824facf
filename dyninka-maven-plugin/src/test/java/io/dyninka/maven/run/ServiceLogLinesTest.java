package io.dyninka.maven.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceLogLinesTest {

  private final List<String> lines = new ArrayList<>();
  private final ServiceLogLines sink =
      new ServiceLogLines(
          new SystemStreamLog() {
            @Override
            public void info(CharSequence c) {
              lines.add("info " + c);
            }

            @Override
            public void warn(CharSequence c) {
              lines.add("warn " + c);
            }

            @Override
            public void error(CharSequence c) {
              lines.add("error " + c);
            }

            @Override
            public void debug(CharSequence c) {
              lines.add("debug " + c);
            }
          });

  @Test
  @DisplayName("two services' traces interleaved stay each at debug; plain output stays info")
  void interleaved() {
    sink.accept("[a] WARNING io.vertx.Ctx: failed");
    sink.accept("[b] SEVERE x.Y: down");
    sink.accept("[a] java.lang.IllegalStateException: boom");
    sink.accept("[b] io.netty.channel.ConnectTimeoutException: slow");
    sink.accept("[a] \tat x.Y.z(Y.java:1)");
    sink.accept("[b] \tat x.Y.z(Y.java:2)");
    sink.accept("[a] ");
    sink.accept("[a] at your service"); // the service's own output after the trace
    sink.accept("[b] FINE x.Y: detail");
    sink.accept("[b] INFO x.Y: listening");

    assertThat(lines)
        .containsExactly(
            "warn [a] WARNING io.vertx.Ctx: failed",
            "error [b] SEVERE x.Y: down",
            "debug [a] java.lang.IllegalStateException: boom",
            "debug [b] io.netty.channel.ConnectTimeoutException: slow",
            "debug [a] \tat x.Y.z(Y.java:1)",
            "debug [b] \tat x.Y.z(Y.java:2)",
            "debug [a] ",
            "info [a] at your service",
            "debug [b] FINE x.Y: detail",
            "info [b] INFO x.Y: listening");
  }

  @Test
  @DisplayName(
      "a line that only looks like an exception's name is info unless a record precedes it")
  void noRecordNoTrace() {
    sink.accept("[a] org.example.NoStockException: is what we throw");
    assertThat(lines).containsExactly("info [a] org.example.NoStockException: is what we throw");
  }
}
