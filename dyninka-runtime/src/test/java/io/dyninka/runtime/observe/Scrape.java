package io.dyninka.runtime.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code /metrics} answer read back as samples, to ask for one value by name and labels. */
public final class Scrape {

  /** One line of the exposition: {@code name{labels} value}. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern LINE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  private final List<Sample> samples = new ArrayList<>();
  private final String text;

  public Scrape(String text) {
    this.text = text;
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
  }

  /**
   * The value of the one sample {@code name} whose labels include {@code labels} (pairs of name and
   * value), or 0 when there is none: a meter not yet recorded is not exposed.
   */
  public double value(String name, String... labels) {
    List<Sample> found = samples(name, labels);
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          found.size() + " samples match " + name + " " + List.of(labels));
    }
    return found.isEmpty() ? 0 : found.get(0).value();
  }

  public List<Sample> samples(String name, String... labels) {
    List<Sample> found = new ArrayList<>();
    for (Sample sample : samples) {
      if (!sample.name().equals(name)) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < labels.length; i += 2) {
        all &= labels[i + 1].equals(sample.labels().get(labels[i]));
      }
      if (all) {
        found.add(sample);
      }
    }
    return found;
  }

  @Override
  public String toString() {
    return text;
  }
}
