package io.dyninka.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.Placement.Edge;
import io.dyninka.manifest.Placement.Group;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A placement")
class PlacementTest {

  /** validate → skipFree → price → invoice, and vatRate → invoice: the orders app's shape. */
  private static final AppManifest ORDERS =
      AppManifest.of(
          "orders",
          "x.Orders",
          ServiceManifest.builder("validate").bodyInput("x.Order").output("x.Order").build(),
          ServiceManifest.builder("skipFree")
              .input("validate", "x.Order")
              .output("x.Order")
              .build(),
          ServiceManifest.builder("price").input("skipFree", "x.Order").output("double").build(),
          ServiceManifest.builder("vatRate").bodyInput("x.Order").output("double").build(),
          ServiceManifest.builder("invoice")
              .input("price", "double")
              .input("vatRate", "double")
              .output("x.Invoice")
              .build());

  @Nested
  @DisplayName("parsed from a good spec")
  class Good {

    @Test
    @DisplayName("groups by commas and members by '+', and leaves the rest each on its own")
    void mixed() {
      Placement placement = Placement.parse(" validate + skipFree+price , invoice", ORDERS);

      assertThat(placement.groups())
          .containsExactly(
              new Group("validate+skipFree+price", List.of("validate", "skipFree", "price")),
              new Group("invoice", List.of("invoice")),
              new Group("vatRate", List.of("vatRate")));
      assertThat(placement.groupOf("skipFree").name()).isEqualTo("validate+skipFree+price");
      assertThat(placement.together("validate", "price")).isTrue();
      assertThat(placement.together("price", "invoice")).isFalse();
      assertThat(placement.notes())
          .containsExactly(
              "service 'vatRate' is in no group of ' validate + skipFree+price , invoice': it runs"
                  + " on its own");
      assertThat(placement.isSplit()).isFalse();
    }

    @Test
    @DisplayName("'all' is one group of every service, in the app's order, and no edge crosses")
    void all() {
      Placement placement = Placement.parse("all", ORDERS);

      assertThat(placement.groups()).hasSize(1);
      assertThat(placement.groups().get(0).members())
          .containsExactly("validate", "skipFree", "price", "vatRate", "invoice");
      assertThat(placement.crossingEdges(ORDERS)).isEmpty();
      assertThat(placement.notes()).isEmpty();
    }

    @Test
    @DisplayName("none (null or blank) is the split deployment, where every edge crosses")
    void split() {
      Placement placement = Placement.parse("  ", ORDERS);

      assertThat(placement.isSplit()).isTrue();
      assertThat(placement).hasToString("validate,skipFree,price,vatRate,invoice");
      assertThat(placement.crossingEdges(ORDERS)).hasSize(4);
      assertThat(Placement.parse(null, ORDERS).groups()).isEqualTo(placement.groups());
    }

    @Test
    @DisplayName("crossing edges are those whose two ends are in different groups")
    void crossingEdges() {
      Placement placement = Placement.parse("validate+skipFree+price,vatRate+invoice", ORDERS);

      assertThat(placement.crossingEdges(ORDERS)).containsExactly(new Edge("price", "invoice"));
    }
  }

  @Nested
  @DisplayName("refuses before anything starts")
  class Bad {

    @Test
    @DisplayName("an unknown name, suggesting the service meant")
    void unknownNearName() {
      assertThatThrownBy(() -> Placement.parse("validate+skipFre", ORDERS))
          .isInstanceOf(PlacementException.class)
          .hasMessage(
              "-Ddyninka.colocate=validate+skipFre cannot be placed: 'skipFre' is not a service"
                  + " of app orders (did you mean 'skipFree'?)");
    }

    @Test
    @DisplayName("an unknown name far from every service, listing them")
    void unknownFarName() {
      assertThatThrownBy(() -> Placement.parse("shipping", ORDERS))
          .hasMessageEndingWith(
              "'shipping' is not a service of app orders; its services are validate, skipFree,"
                  + " price, vatRate, invoice");
    }

    @Test
    @DisplayName("a service in two groups, naming both")
    void twoGroups() {
      assertThatThrownBy(() -> Placement.parse("validate+price,price+invoice", ORDERS))
          .hasMessageEndingWith(
              "service 'price' is in two groups: 'validate+price' and 'price+invoice'");
    }

    @Test
    @DisplayName("an empty group or member, and every problem at once")
    void empty() {
      PlacementException e =
          (PlacementException)
              org.assertj.core.api.Assertions.catchThrowable(
                  () -> Placement.parse("validate,,price++invoice,all", ORDERS));

      assertThat(e.problems())
          .containsExactly(
              "group 2 of 'validate,,price++invoice,all' is empty",
              "group 'price++invoice' has an empty member (two '+' in a row, or one at an end)",
              "'all' stands alone: it is the whole app, not a member of a group");
    }

    @Test
    @DisplayName("a service named twice in one group")
    void twiceInOneGroup() {
      assertThatThrownBy(() -> Placement.parse("price+price", ORDERS))
          .hasMessageEndingWith("service 'price' is named twice in group 'price+price'");
    }
  }
}
