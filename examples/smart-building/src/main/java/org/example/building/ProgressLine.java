package org.example.building;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows how far the run is: on a terminal, one line redrawn in place with a carriage return; in a
 * log or a pipe (no console), a plain line at every tenth of the run instead, so logs stay
 * readable.
 */
final class ProgressLine {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private int lastTenth = -1;
  private int lastLength;

  ProgressLine(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  void update(LoadStats stats) {
    long done = stats.done();
    if (terminal) {
      String line = line(stats, done);
      // Pad with spaces so a shorter line fully covers the previous one.
      out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
      out.flush();
      lastLength = line.length();
    } else {
      int tenth = (int) (done * 10 / Math.max(1, stats.total()));
      if (tenth > lastTenth) {
        lastTenth = tenth;
        out.println(line(stats, done));
      }
    }
  }

  /** Draws the final state and ends the line. */
  void finish(LoadStats stats) {
    update(stats);
    if (terminal) {
      out.println();
    }
  }

  static String line(LoadStats stats, long done) {
    int total = Math.max(1, stats.total());
    int filled = (int) Math.min(WIDTH, done * WIDTH / total);
    Average latest = stats.latest();
    String average =
        latest == null
            ? "avg      -"
            : String.format(Locale.ROOT, "avg %7.4f C over %d", latest.average(), latest.count());
    return String.format(
        Locale.ROOT,
        "  [%s%s] %6d/%d %3d%%  %s  %5.0f req/s%s",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        done,
        stats.total(),
        done * 100 / total,
        average,
        stats.requestsPerSecond(),
        stats.failed() > 0 ? "  " + stats.failed() + " failed" : "");
  }
}
