package io.dyninka.benchmarks.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Markdown table, built column by column, then row by row: {@code toString()} is its text, each
 * line ending in a newline. Numbers go in right-aligned columns, words in left-aligned ones.
 */
final class MarkdownTable {

  private final List<String> names = new ArrayList<>();
  private final List<String> alignments = new ArrayList<>();
  private final StringBuilder rows = new StringBuilder();

  /** A left-aligned column. */
  MarkdownTable left(String name) {
    return column(name, "---");
  }

  /** A right-aligned column, for figures. */
  MarkdownTable right(String name) {
    return column(name, "---:");
  }

  private MarkdownTable column(String name, String alignment) {
    if (rows.length() > 0) {
      throw new IllegalStateException("column '" + name + "' added after the first row");
    }
    names.add(name);
    alignments.add(alignment);
    return this;
  }

  /** One row; each cell as {@link String#valueOf(Object)} writes it. */
  MarkdownTable row(Object... cells) {
    if (cells.length != names.size()) {
      throw new IllegalArgumentException(
          cells.length + " cells for the " + names.size() + " columns " + names);
    }
    rows.append(line(Arrays.stream(cells).map(String::valueOf).toList(), " | ")).append('\n');
    return this;
  }

  @Override
  public String toString() {
    return line(names, " | ") + '\n' + "|" + String.join("|", alignments) + "|\n" + rows;
  }

  private static String line(List<String> cells, String separator) {
    return cells.stream().collect(Collectors.joining(separator, "| ", " |"));
  }
}
