package io.dyninka.runtime;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * W3C trace context: a valid incoming {@code traceparent} is forwarded to every upstream call; a
 * missing or malformed one is replaced by a new trace, so no raw header value travels on.
 */
final class TraceParent {

  static final String HEADER = "traceparent";

  private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private TraceParent() {}

  /** The traceparent to send upstream for a request that carried {@code incoming}. */
  static String forward(String incoming) {
    if (incoming != null && incoming.length() == 55 && VALID.matcher(incoming).matches()
        && !incoming.startsWith("00-00000000000000000000000000000000")) {
      return incoming;
    }
    return create();
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
