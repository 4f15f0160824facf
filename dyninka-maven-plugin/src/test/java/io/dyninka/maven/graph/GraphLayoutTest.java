package io.dyninka.maven.graph;

import static io.dyninka.maven.graph.GraphWriterTest.CHAIN;
import static io.dyninka.maven.graph.GraphWriterTest.FAN_IN;
import static io.dyninka.maven.graph.GraphWriterTest.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.maven.graph.SvgDrawing.Arrow;
import io.dyninka.maven.graph.SvgDrawing.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The SVG read back as geometry: what a reader sees must say what the manifest says. */
class GraphLayoutTest {

  /**
   * Two heads zipped, then zipped again with a one-service branch: the request's edge into that
   * branch skips the column of the first zip.
   */
  static AppManifest uneven() {
    return new AppManifest(
        "uneven",
        "org.example.Uneven",
        List.of(
            service("a", List.of(request()), "org.example.Model$Order", false),
            service("b", List.of(request()), "org.example.Model$Order", false),
            service(
                "c",
                List.of(
                    new InputManifest("a", "org.example.Model$Order"),
                    new InputManifest("b", "org.example.Model$Order")),
                "java.util.List<org.example.Model$Order>",
                false),
            service("d", List.of(request()), "org.example.Model$Customer", false),
            service(
                "zip",
                List.of(
                    new InputManifest("c", "java.util.List<org.example.Model$Order>"),
                    new InputManifest("d", "org.example.Model$Customer")),
                "org.example.Model$Invoice",
                false),
            service(
                "sink",
                List.of(new InputManifest("zip", "org.example.Model$Invoice")),
                "java.lang.String",
                true)),
        "sink");
  }

  /**
   * Several fan-ins over branches of one to four services, a source with no input, and an edge from
   * an early service to the last join.
   */
  static AppManifest wide() {
    return new AppManifest(
        "wide",
        "org.example.Wide",
        List.of(
            service("src", List.of(request()), "org.example.Model$Event", false),
            chained("parse", "src", "org.example.Model$Event", "org.example.Model$Parsed"),
            chained("enrich", "parse", "org.example.Model$Parsed", "org.example.Model$Rich"),
            chained("score", "enrich", "org.example.Model$Rich", "double"),
            chained("lookup", "src", "org.example.Model$Event", "org.example.Model$User"),
            service(
                "join",
                List.of(
                    new InputManifest("score", "double"),
                    new InputManifest("lookup", "org.example.Model$User")),
                "org.example.Model$Scored",
                false),
            chained("geo", "src", "org.example.Model$Event", "org.example.Geo$Point"),
            service(
                "place",
                List.of(
                    new InputManifest("join", "org.example.Model$Scored"),
                    new InputManifest("geo", "org.example.Geo$Point")),
                "org.example.Model$Placed",
                false),
            service("rates", List.of(), "java.util.Map<java.lang.String, java.lang.Double>", false),
            service(
                "price",
                List.of(
                    new InputManifest("rates", "java.util.Map<java.lang.String, java.lang.Double>"),
                    new InputManifest("parse", "org.example.Model$Parsed")),
                "java.math.BigDecimal",
                false),
            service(
                "decide",
                List.of(
                    new InputManifest("place", "org.example.Model$Placed"),
                    new InputManifest("price", "java.math.BigDecimal"),
                    new InputManifest("src", "org.example.Model$Event")),
                "org.example.Model$Decision",
                true)),
        "decide");
  }

  private static InputManifest request() {
    return new InputManifest(null, "org.example.Model$Request");
  }

  private static ServiceManifest chained(String name, String from, String in, String out) {
    return service(name, List.of(new InputManifest(from, in)), out, false);
  }

  static Stream<Supplier<AppManifest>> apps() {
    return Stream.of(() -> CHAIN, () -> FAN_IN, GraphLayoutTest::uneven, GraphLayoutTest::wide);
  }

  @ParameterizedTest
  @MethodSource("apps")
  @DisplayName("draws one box per service and one arrow per manifest edge, from and to its boxes")
  void oneBoxPerServiceOneArrowPerEdge(Supplier<AppManifest> app) throws Exception {
    AppManifest manifest = app.get();
    SvgDrawing drawing = SvgDrawing.parse(GraphWriter.svg(manifest));

    assertThat(drawing.boxes().stream().filter(b -> b.cssClass().equals("node service")))
        .map(Box::name)
        .containsExactlyElementsOf(
            manifest.services().stream().map(ServiceManifest::name).toList());
    List<String> expected = new ArrayList<>();
    for (ServiceManifest service : manifest.services()) {
      for (InputManifest input : service.inputs()) {
        expected.add((input.from() == null ? "client" : input.from()) + "->" + service.name());
      }
    }
    expected.add(manifest.sink() + "->client");
    assertThat(drawing.arrows())
        .map(a -> a.from() + "->" + a.to())
        .containsExactlyElementsOf(expected);
    for (Arrow arrow : drawing.arrows()) {
      assertThat(arrow.points()).hasSizeGreaterThanOrEqualTo(2);
      assertOnBorder(arrow.points().get(0), drawing.box(arrow.fromId()), arrow);
      assertOnBorder(
          arrow.points().get(arrow.points().size() - 1), drawing.box(arrow.toId()), arrow);
    }
  }

  @ParameterizedTest
  @MethodSource("apps")
  @DisplayName("routes no arrow through a box other than its own two ends")
  void noArrowCrossesABox(Supplier<AppManifest> app) throws Exception {
    SvgDrawing drawing = SvgDrawing.parse(GraphWriter.svg(app.get()));

    for (Arrow arrow : drawing.arrows()) {
      for (Box box : drawing.boxes()) {
        if (box.id().equals(arrow.fromId()) || box.id().equals(arrow.toId())) {
          continue;
        }
        for (int i = 1; i < arrow.points().size(); i++) {
          double[] from = arrow.points().get(i - 1);
          double[] to = arrow.points().get(i);
          assertThat(box.rect().crossedBy(from, to, 0.5))
              .as(
                  "segment (%s, %s)-(%s, %s) of %s->%s crosses the box of %s",
                  from[0], from[1], to[0], to[1], arrow.from(), arrow.to(), box.name())
              .isFalse();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("apps")
  @DisplayName("places every label clear of every box and of the other labels")
  void labelsClearOfBoxes(Supplier<AppManifest> app) throws Exception {
    SvgDrawing drawing = SvgDrawing.parse(GraphWriter.svg(app.get()));

    List<Arrow> labelled = drawing.arrows().stream().filter(a -> a.label() != null).toList();
    assertThat(labelled).hasSameSizeAs(drawing.arrows());
    for (Arrow arrow : labelled) {
      for (Box box : drawing.boxes()) {
        assertThat(arrow.label().overlaps(box.rect(), 0.5))
            .as(
                "label %s of %s->%s overlaps the box of %s",
                arrow.text(), arrow.from(), arrow.to(), box.name())
            .isFalse();
      }
      for (Arrow other : labelled) {
        if (other != arrow) {
          assertThat(arrow.label().overlaps(other.label(), 0.5))
              .as("label %s overlaps label %s", arrow.text(), other.text())
              .isFalse();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("apps")
  @DisplayName("fits the drawing: every box and label inside the canvas")
  void insideTheCanvas(Supplier<AppManifest> app) throws Exception {
    String svg = GraphWriter.svg(app.get());
    GraphLayout layout = GraphWriter.layout(app.get());
    SvgDrawing drawing = SvgDrawing.parse(svg);

    SvgDrawing.Rect canvas = new SvgDrawing.Rect(0, 0, layout.width(), layout.height());
    for (Box box : drawing.boxes()) {
      assertThat(contains(canvas, box.rect())).as("box of %s", box.name()).isTrue();
    }
    for (Arrow arrow : drawing.arrows()) {
      assertThat(contains(canvas, arrow.label())).as("label %s", arrow.text()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("apps")
  @DisplayName("is the same, byte for byte, for the same manifest")
  void deterministic(Supplier<AppManifest> app) {
    // Fresh manifests each time: nothing may hang on object identity.
    assertThat(GraphWriter.svg(app.get())).isEqualTo(GraphWriter.svg(app.get()));
    assertThat(GraphWriter.layout(app.get())).isEqualTo(GraphWriter.layout(app.get()));
  }

  @Test
  @DisplayName("labels edges and boxes with canonical type names, nested classes joined by a dot")
  void canonicalNames() throws Exception {
    SvgDrawing drawing = SvgDrawing.parse(GraphWriter.svg(uneven()));

    assertThat(drawing.arrows())
        .map(Arrow::text)
        .containsExactly(
            "Model.Request",
            "Model.Request",
            "Model.Order",
            "Model.Order",
            "Model.Request",
            "List<Model.Order>",
            "Model.Customer",
            "Model.Invoice",
            "String");
    assertThat(GraphWriter.svg(uneven()))
        .doesNotContain("$")
        .doesNotContain("org.example")
        .contains(">List&lt;Model.Order&gt;</text>");
    assertThat(GraphWriter.mermaid(uneven())).contains("|\"List#lt;Model.Order#gt;\"|");
  }

  private static boolean contains(SvgDrawing.Rect outer, SvgDrawing.Rect inner) {
    return inner.x() >= outer.x()
        && inner.y() >= outer.y()
        && inner.x() + inner.width() <= outer.x() + outer.width()
        && inner.y() + inner.height() <= outer.y() + outer.height();
  }

  static void assertOnBorder(double[] point, Box box, Arrow arrow) {
    SvgDrawing.Rect r = box.rect();
    double slack = 0.6;
    boolean insideGrown =
        point[0] >= r.x() - slack
            && point[0] <= r.x() + r.width() + slack
            && point[1] >= r.y() - slack
            && point[1] <= r.y() + r.height() + slack;
    boolean onEdge =
        Math.abs(point[0] - r.x()) <= slack
            || Math.abs(point[0] - (r.x() + r.width())) <= slack
            || Math.abs(point[1] - r.y()) <= slack
            || Math.abs(point[1] - (r.y() + r.height())) <= slack;
    assertThat(insideGrown && onEdge)
        .as(
            "end (%s, %s) of %s->%s on the border of %s",
            point[0], point[1], arrow.from(), arrow.to(), box.name())
        .isTrue();
  }
}
