package io.dyninka.runtime.launch;

import java.util.List;

/** Left-aligned columns separated by two spaces, the way {@code kubectl get} prints. */
final class TextTable {

  private TextTable() {}

  static String format(List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(row[c]);
        if (c < columns - 1) {
          line.append(" ".repeat(widths[c] - row[c].length() + 2));
        }
      }
      text.append(line).append('\n');
    }
    return text.toString();
  }
}
