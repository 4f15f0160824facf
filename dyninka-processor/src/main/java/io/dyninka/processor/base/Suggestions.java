package io.dyninka.processor.base;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean": the known name closest to a mistyped one, by edit distance. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate nearest to {@code name}, when it is near enough to be a typo: at most one edit
   * per three characters (at least one). Ties go to the first candidate.
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    int allowed = Math.max(1, name.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(name, candidate);
      if (distance <= allowed && distance < bestDistance && !candidate.equals(name)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
