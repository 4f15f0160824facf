package io.dyninka.benchmarks.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * What one {@code hey -o csv} run answered, second by second: the 2xx answers completed in each
 * second since the first request (its offset plus its response time), to see a system warm up.
 */
public record HeyTimeline(List<Long> okPerSecond) {

  public static HeyTimeline parse(String csv) {
    List<Long> perSecond = new ArrayList<>();
    boolean header = false;
    for (String line : csv.split("\\R")) {
      if (line.startsWith("response-time,")) {
        header = true;
        continue;
      }
      String[] f = line.split(",");
      if (!header || f.length < 8) {
        continue;
      }
      int status;
      double done;
      try {
        status = Integer.parseInt(f[6].trim());
        done = Double.parseDouble(f[7].trim()) + Double.parseDouble(f[0].trim());
      } catch (NumberFormatException e) {
        continue;
      }
      if (status / 100 != 2) {
        continue;
      }
      int second = (int) done;
      while (perSecond.size() <= second) {
        perSecond.add(0L);
      }
      perSecond.set(second, perSecond.get(second) + 1);
    }
    if (!header) {
      throw new IllegalArgumentException(
          "not hey's CSV (no 'response-time,' header):\n"
              + csv.substring(0, Math.min(500, csv.length())));
    }
    return new HeyTimeline(List.copyOf(perSecond));
  }
}
