package io.dyninka.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MarkdownTable")
class MarkdownTableTest {

  @Test
  @DisplayName("writes the header, each column's alignment, then the rows")
  void table() {
    String table =
        new MarkdownTable()
            .right("workers")
            .left("system")
            .row(1, "Dyninka")
            .row(50L, 2.5)
            .toString();

    assertThat(table)
        .isEqualTo("| workers | system |\n|---:|---|\n| 1 | Dyninka |\n| 50 | 2.5 |\n");
  }

  @Test
  @DisplayName("refuses a row with more or fewer cells than columns, naming the columns")
  void cellCount() {
    MarkdownTable table = new MarkdownTable().left("a").left("b");

    assertThatThrownBy(() -> table.row("only one"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("1 cells for the 2 columns [a, b]");
  }

  @Test
  @DisplayName("refuses a column added after the first row")
  void lateColumn() {
    MarkdownTable table = new MarkdownTable().left("a").row("x");

    assertThatThrownBy(() -> table.right("b"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'b'");
  }
}
