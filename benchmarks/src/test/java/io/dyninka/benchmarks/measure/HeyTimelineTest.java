package io.dyninka.benchmarks.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("HeyTimeline")
class HeyTimelineTest {

  @Test
  @DisplayName("counts the 2xx answers completed in each second since the first request")
  void perSecond() {
    String csv =
        "response-time,DNS+dialup,DNS,Request-write,Response-delay,Response-read,status-code,offset\n"
            + "0.0035,0.0004,0.0000,0.0001,0.0026,0.0003,200,0.0002\n"
            + "0.5000,0.0004,0.0000,0.0001,0.0026,0.0003,204,0.6000\n" // done at 1.1 s
            + "0.0015,0.0005,0.0000,0.0001,0.0008,0.0001,503,0.9000\n" // not an answer that counts
            + "0.0016,0.0004,0.0000,0.0001,0.0011,0.0001,200,2.5000\n";

    assertThat(HeyTimeline.parse(csv).okPerSecond()).containsExactly(1L, 1L, 1L);
  }

  @Test
  @DisplayName("refuses output that is not hey's CSV")
  void notCsv() {
    assertThatThrownBy(() -> HeyTimeline.parse("Summary:\n  Total: 1 secs\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not hey's CSV");
  }
}
