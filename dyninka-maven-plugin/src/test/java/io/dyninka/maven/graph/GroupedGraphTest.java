package io.dyninka.maven.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.maven.graph.SvgDrawing.Arrow;
import io.dyninka.maven.graph.SvgDrawing.Box;
import io.dyninka.maven.graph.SvgDrawing.Rect;
import io.dyninka.maven.testing.Manifests;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DisplayName("dyninka:graph with -Ddyninka.colocate")
class GroupedGraphTest {

  static Stream<Arguments> groupings() {
    return Stream.of(
        Arguments.of(Manifests.smartBuilding(), "get+filterTemperature"),
        // not neighbours in the flow: map lies between them, and must stay outside their box
        Arguments.of(Manifests.smartBuilding(), "filterTemperature+movingAvg,get+map"),
        Arguments.of(Manifests.fanIn(), "a+zip"),
        Arguments.of(GraphLayoutTest.uneven(), "all"));
  }

  /** The group boxes of the drawing, by group name. */
  static Map<String, Rect> groupBoxes(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    Map<String, Rect> boxes = new LinkedHashMap<>();
    NodeList groups = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element group = (Element) groups.item(i);
      if (group.getAttribute("class").equals("group")) {
        Element rect = (Element) group.getElementsByTagNameNS("*", "rect").item(0);
        boxes.put(
            group.getAttribute("data-group"),
            new Rect(
                Double.parseDouble(rect.getAttribute("x")),
                Double.parseDouble(rect.getAttribute("y")),
                Double.parseDouble(rect.getAttribute("width")),
                Double.parseDouble(rect.getAttribute("height"))));
      }
    }
    return boxes;
  }

  static String svg(AppManifest app, String spec) {
    return SvgRenderer.render(GraphWriter.layout(app, Placement.parse(spec, app)));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("groupings")
  @DisplayName(
      "draws a box per group of several services: every member inside it, every other box outside,"
          + " the whole inside the canvas")
  void membersInsideTheirGroup(AppManifest app, String spec) throws Exception {
    Placement placement = Placement.parse(spec, app);
    String svg = svg(app, spec);
    SvgDrawing drawing = SvgDrawing.parse(svg);
    Map<String, Rect> groups = groupBoxes(svg);
    GraphLayout layout = GraphWriter.layout(app, placement);

    assertThat(groups.keySet())
        .containsExactlyElementsOf(
            placement.groups().stream()
                .filter(g -> g.members().size() > 1)
                .map(Placement.Group::name)
                .toList());
    for (Map.Entry<String, Rect> group : groups.entrySet()) {
      Placement.Group members =
          placement.groups().stream()
              .filter(g -> g.name().equals(group.getKey()))
              .findFirst()
              .orElseThrow();
      Rect g = group.getValue();
      assertThat(g.x() >= 0 && g.y() >= 0).isTrue();
      assertThat(g.x() + g.width()).isLessThanOrEqualTo(layout.width());
      assertThat(g.y() + g.height()).isLessThanOrEqualTo(layout.height());
      for (Box box : drawing.boxes()) {
        if (members.members().contains(box.name()) && box.cssClass().equals("node service")) {
          assertThat(contains(g, box.rect()))
              .as("%s inside the box of %s", box.name(), group.getKey())
              .isTrue();
        } else {
          assertThat(box.rect().overlaps(g, 0.5))
              .as("%s outside the box of %s", box.name(), group.getKey())
              .isFalse();
        }
      }
    }
    // the arrows still start and end on their boxes: the members' coordinates are the drawing's
    for (Arrow arrow : drawing.arrows()) {
      GraphLayoutTest.assertOnBorder(arrow.points().get(0), drawing.box(arrow.fromId()), arrow);
      GraphLayoutTest.assertOnBorder(
          arrow.points().get(arrow.points().size() - 1), drawing.box(arrow.toId()), arrow);
    }
  }

  @Test
  @DisplayName("the group boxes are drawn behind the services, and split draws none")
  void behindAndOnlyWhenGrouped() {
    AppManifest app = Manifests.smartBuilding();
    String svg = svg(app, "get+filterTemperature");
    assertThat(svg.indexOf("<g class=\"group\" data-group=\"get+filterTemperature\">"))
        .isPositive()
        .isLessThan(svg.indexOf("<g class=\"node"))
        .isLessThan(svg.indexOf("<g class=\"edge"));
    assertThat(svg(app, "")).isEqualTo(GraphWriter.svg(app)).doesNotContain("class=\"group\"");
  }

  private static boolean contains(Rect outer, Rect inner) {
    return inner.x() >= outer.x()
        && inner.y() >= outer.y()
        && inner.x() + inner.width() <= outer.x() + outer.width()
        && inner.y() + inner.height() <= outer.y() + outer.height();
  }
}
