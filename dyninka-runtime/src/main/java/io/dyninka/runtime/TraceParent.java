package io.dyninka.runtime;

import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C trace context: a valid incoming {@code traceparent} is forwarded to every upstream call; a
 * missing or malformed one is replaced by a new trace, so no raw header value travels on.
 */
final class TraceParent {

  static final String HEADER = "traceparent";

  private static final int LENGTH = 55;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private TraceParent() {}

  /** The traceparent to send upstream for a request that carried {@code incoming}. */
  static String forward(String incoming) {
    return valid(incoming) ? incoming : create();
  }

  /**
   * Whether {@code s} is {@code 00-<32 hex>-<16 hex>-<2 hex>}, lower case, with a trace id that is
   * not all zeros. Checked char by char rather than by a regex: every hop checks one.
   */
  static boolean valid(String s) {
    if (s == null
        || s.length() != LENGTH
        || !s.startsWith("00-")
        || s.charAt(35) != '-'
        || s.charAt(52) != '-') {
      return false;
    }
    boolean zeroTrace = true;
    for (int i = 3; i < LENGTH; i++) {
      if (i == 35 || i == 52) {
        continue;
      }
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
      zeroTrace &= i >= 35 || c == '0';
    }
    return !zeroTrace;
  }

  static String create() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder s = new StringBuilder(55).append("00-");
    hex(s, random.nextLong() | 1L, 16);
    hex(s, random.nextLong(), 16);
    s.append('-');
    hex(s, random.nextLong() | 1L, 16);
    return s.append("-01").toString();
  }

  private static void hex(StringBuilder s, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      s.append(HEX[(int) (value >>> (i * 4)) & 0xF]);
    }
  }
}
