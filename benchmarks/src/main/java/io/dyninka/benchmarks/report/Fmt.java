package io.dyninka.benchmarks.report;

import java.util.Locale;

/** Number formats of the report: locale-independent, NaN shown as a dash. */
public final class Fmt {

  private Fmt() {}

  public static String num(double value, int decimals) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? "–"
        : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** Throughput: whole requests per second above 100, else one decimal. */
  public static String rps(double value) {
    return num(value, value >= 100 ? 0 : 1);
  }

  public static String ms(double value) {
    return num(value, value >= 100 ? 0 : value >= 10 ? 1 : 2);
  }

  static String mib(long kib) {
    return kib < 0 ? "–" : num(kib / 1024.0, 1);
  }

  static String ratio(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "–" : num(value, 2) + "×";
  }

  /** A CSV cell: plain numbers, empty for NaN. */
  static String csv(double value, int decimals) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? ""
        : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
