package io.dyninka.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.NonNull;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.NullUnmarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The null policy")
class NullPolicyRulesTest {

  record Plain(String text, Integer count) {}

  record Strict(@NonNull String text) {}

  @NullMarked
  static final class Outer {
    record Inner(String text, @Nullable String note) {}

    @NullUnmarked
    record Lifted(String text) {}

    record Lines(List<String> strict, List<@Nullable String> loose, String[] array) {}
  }

  /** A POJO that points back at itself, which Jackson refuses to write. */
  static final class Node {
    @NonNull String name;
    Node next;
  }

  @Test
  @DisplayName("lets every null of an unannotated type through")
  void unannotated() {
    assertThat(NullPolicy.violation(new Plain(null, null))).isNull();
  }

  @Test
  @DisplayName("refuses a null @NonNull component, at the top of a list or inside an Optional")
  void nonNull() {
    assertThat(NullPolicy.violation(new Strict(null)))
        .isEqualTo("Strict.text: null, but it is @NonNull");
    assertThat(NullPolicy.violation(List.of(new Strict("a"), new Strict(null))))
        .isEqualTo("List[].text: null, but it is @NonNull");
    assertThat(NullPolicy.violation(Optional.of(new Strict(null))))
        .isEqualTo("Optional.text: null, but it is @NonNull");
  }

  @Test
  @DisplayName("takes @NullMarked from an enclosing class, lifted by @Nullable or @NullUnmarked")
  void scopes() {
    assertThat(NullPolicy.violation(new Outer.Inner(null, null)))
        .isEqualTo("Inner.text: null, but it is in a @NullMarked scope and not @Nullable");
    assertThat(NullPolicy.violation(new Outer.Inner("t", null))).isNull();
    assertThat(NullPolicy.violation(new Outer.Lifted(null))).isNull();
  }

  @Test
  @DisplayName("holds the elements of a @NullMarked collection or array non-null, unless @Nullable")
  void elements() {
    List<String> withNull = java.util.Arrays.asList("a", null);
    assertThat(NullPolicy.violation(new Outer.Lines(List.of("a"), withNull, new String[] {"b"})))
        .isNull();
    assertThat(NullPolicy.violation(new Outer.Lines(withNull, List.of(), new String[0])))
        .isEqualTo("Lines.strict[]: null, but it is in a @NullMarked scope and not @Nullable");
    assertThat(NullPolicy.violation(new Outer.Lines(List.of(), List.of(), new String[] {null})))
        .isEqualTo("Lines.array[]: null, but it is in a @NullMarked scope and not @Nullable");
    assertThat(NullPolicy.violation(new Plain(null, null))).isNull();
  }

  @Test
  @DisplayName("checks a POJO's fields, and ends on a cycle instead of walking it forever")
  void pojoAndCycle() {
    Node node = new Node();
    node.name = "a";
    node.next = node;
    assertThat(NullPolicy.violation(node)).isNull();
    Node broken = new Node();
    broken.next = new Node();
    broken.name = "b";
    assertThat(NullPolicy.violation(broken)).isEqualTo("Node.next.name: null, but it is @NonNull");
  }
}
