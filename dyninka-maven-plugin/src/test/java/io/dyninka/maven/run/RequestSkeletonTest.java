package io.dyninka.maven.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestSkeletonTest {

  private final RequestSkeleton skeleton = new RequestSkeleton(getClass().getClassLoader());

  /** A record inside a record, in a list and an Optional, named with a dot like the manifest. */
  public record Basket(java.util.Optional<SampleOrder> first, java.util.List<SampleOrder> all) {}

  @Test
  @DisplayName("JSON types become zero, false, empty text or a one-element array")
  void plainTypes() {
    assertThat(skeleton.json("double")).contains("0");
    assertThat(skeleton.json("java.lang.Boolean")).contains("false");
    assertThat(skeleton.json("java.lang.String")).contains("\"\"");
    assertThat(skeleton.json("java.util.List<java.lang.Long>")).contains("[0]");
    assertThat(skeleton.json("java.util.Map<java.lang.String, java.lang.Integer>")).contains("{}");
  }

  @Test
  @DisplayName(
      "a record becomes an object of its components, nested ones too, enums their first constant")
  void records() {
    String order =
        "{\"item\":\"\",\"quantity\":0,\"express\":false,\"size\":\"SMALL\",\"tags\":[\"\"]}";
    assertThat(skeleton.json(SampleOrder.class.getName())).contains(order);
    assertThat(skeleton.json("io.dyninka.maven.run.RequestSkeletonTest.Basket"))
        .contains("{\"first\":" + order + ",\"all\":[" + order + "]}");
  }

  @Test
  @DisplayName("a type not on the class path has no skeleton, so the caller names the type instead")
  void unknown() {
    assertThat(skeleton.json("org.example.Missing")).isEmpty();
    assertThat(skeleton.json("java.util.List<org.example.Missing>")).isEmpty();
  }
}
