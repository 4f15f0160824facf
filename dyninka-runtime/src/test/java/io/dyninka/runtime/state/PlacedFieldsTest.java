package io.dyninka.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.runtime.JsonCodec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Placed fields reached by the state store")
class PlacedFieldsTest {

  static final long FROZEN = 1;
  long notStatic;
  static HashMap<String, Integer> concreteMap = new HashMap<>();
  static Map<String, Integer> keyed = new HashMap<>();

  private final JsonCodec codec = new JsonCodec();
  private final String owner = PlacedFieldsTest.class.getName();

  @Test
  @DisplayName("a field declared as Map is keyed, any other type is stored whole")
  void kinds() {
    assertThat(PlacedField.resolve(owner + "#keyed", codec).keyed).isTrue();
    assertThat(PlacedField.resolve(owner + "#concreteMap", codec).keyed).isFalse();
  }

  @Test
  @DisplayName("a final, an instance or a missing field, or a missing class, is refused by name")
  void refused() {
    assertThatThrownBy(() -> PlacedField.resolve(owner + "#FROZEN", codec))
        .hasMessageContaining(owner + "#FROZEN is final");
    assertThatThrownBy(() -> PlacedField.resolve(owner + "#notStatic", codec))
        .hasMessageContaining("is not static");
    assertThatThrownBy(() -> PlacedField.resolve(owner + "#nothing", codec))
        .hasMessageContaining("has no field nothing");
    assertThatThrownBy(() -> PlacedField.resolve("no.Such#field", codec))
        .hasMessageContaining("no class no.Such");
    assertThatThrownBy(() -> PlacedField.resolve("noHash", codec))
        .hasMessageContaining("pkg.Class#field");
  }

  @Test
  @DisplayName("a keyed field refuses operations over the whole map, naming the field")
  void wholeMapRefused() {
    TrackedMap<String, Integer> map =
        new TrackedMap<>(
            "x.App#recent",
            key -> "\"" + key + "\"",
            field -> StateStore.Versioned.ABSENT,
            json -> Integer.valueOf(json),
            new java.util.HashSet<>());

    assertThat(map.merge("a", 1, Integer::sum)).isEqualTo(1);
    assertThat(map.computeIfAbsent("b", k -> 7)).isEqualTo(7);
    assertThat(map.get("a")).isEqualTo(1);
    assertThat(map.containsKey("c")).isFalse();
    assertThat(map.remove("b")).isEqualTo(7);
    assertThatThrownBy(map::size)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("placed field x.App#recent is stored per entry");
    assertThatThrownBy(() -> map.entrySet().iterator()).hasMessageContaining("x.App#recent");
  }

  @Test
  @DisplayName("an entry not loaded is noted as missing and stops the function")
  void missing() {
    java.util.Set<String> missing = new java.util.HashSet<>();
    TrackedMap<String, Integer> map =
        new TrackedMap<>(
            "x.App#recent", key -> "\"" + key + "\"", field -> null, Integer::valueOf, missing);

    assertThatThrownBy(() -> map.get("a")).isInstanceOf(EntryNotLoaded.class);
    assertThat(missing).containsExactly("\"a\"");
  }
}
