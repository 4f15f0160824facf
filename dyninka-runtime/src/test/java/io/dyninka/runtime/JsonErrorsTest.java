package io.dyninka.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JSON errors")
class JsonErrorsTest {

  @Test
  @DisplayName("show a manifest type by the name its source gives it")
  void canonicalTypeNames() {
    assertThat(JsonErrors.typeName("org.example.Model$Order")).isEqualTo("org.example.Model.Order");
    assertThat(JsonErrors.typeName("java.util.List<org.example.Model$Order>"))
        .isEqualTo("java.util.List<org.example.Model.Order>");
    assertThat(JsonErrors.typeName("[D")).isEqualTo("double[]");
    assertThat(JsonErrors.typeName("[[Lorg.example.Model$Order;"))
        .isEqualTo("org.example.Model.Order[][]");
    assertThat(JsonErrors.typeName("double")).isEqualTo("double");
  }
}
