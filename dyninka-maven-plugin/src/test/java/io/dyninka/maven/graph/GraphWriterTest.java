package io.dyninka.maven.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphWriterTest {

  /** The paper's chain; its head reads the request body. */
  static final AppManifest CHAIN =
      new AppManifest(
          "smart-building",
          "org.example.building.SmartBuilding",
          List.of(
              service(
                  "get",
                  List.of(new InputManifest(null, "org.example.building.Query")),
                  "org.example.building.Reading",
                  false),
              service(
                  "filterTemperature",
                  List.of(new InputManifest("get", "org.example.building.Reading")),
                  "org.example.building.Reading",
                  false),
              service(
                  "map",
                  List.of(new InputManifest("filterTemperature", "org.example.building.Reading")),
                  "double",
                  false),
              service(
                  "movingAvg",
                  List.of(new InputManifest("map", "double")),
                  "org.example.building.SmartBuilding.Average",
                  true)),
          "movingAvg");

  /** Two sources zipped, then one more step: a fan-in and an edge that skips no column. */
  static final AppManifest FAN_IN =
      new AppManifest(
          "fan",
          "org.example.Fan",
          List.of(
              service("temperature", List.of(), "double", false),
              service("humidity", List.of(), "java.util.List<java.lang.Double>", false),
              service(
                  "zip",
                  List.of(
                      new InputManifest("temperature", "double"),
                      new InputManifest("humidity", "java.util.List<java.lang.Double>")),
                  "org.example.Comfort",
                  false),
              service(
                  "report",
                  List.of(new InputManifest("zip", "org.example.Comfort")),
                  "java.lang.String",
                  false)),
          "report");

  static ServiceManifest service(
      String name, List<InputManifest> inputs, String output, boolean stateful) {
    return ServiceManifest.builder(name)
        .kubeName(name)
        .mainClass("org.example." + name + "Service")
        .inputs(inputs)
        .output(output)
        .stateful(stateful)
        .build();
  }

  @Nested
  @DisplayName("Mermaid")
  class Mermaid {

    @Test
    @DisplayName("draws a chain from the client's request to the client, edges labelled with types")
    void chain() {
      String mermaid = GraphWriter.mermaid(CHAIN);

      assertThat(mermaid.lines())
          .contains(
              "flowchart LR",
              "  request([\"client\"])",
              "  s0[\"get<br/><small>Reading</small>\"]",
              "  s3[\"movingAvg<br/><small>SmartBuilding.Average</small>\"]",
              "  client([\"client\"])",
              "  request -->|\"Query\"| s0",
              "  s0 -->|\"Reading\"| s1",
              "  s1 -->|\"Reading\"| s2",
              "  s2 -->|\"double\"| s3",
              "  s3 -->|\"SmartBuilding.Average\"| client",
              "  class request,client client",
              "  class s3 stateful");
      assertThat(mermaid.lines().filter(line -> line.contains("-->"))).hasSize(5);
    }

    @Test
    @DisplayName("draws a fan-in as two edges into one service, with no request node")
    void fanIn() {
      String mermaid = GraphWriter.mermaid(FAN_IN);

      assertThat(mermaid.lines())
          .contains(
              "  s0 -->|\"double\"| s2",
              "  s1 -->|\"List#lt;Double#gt;\"| s2",
              "  s2 -->|\"Comfort\"| s3",
              "  s3 -->|\"String\"| client")
          .noneMatch(line -> line.contains("request"))
          .noneMatch(line -> line.contains("stateful") && line.startsWith("  class "));
    }
  }

  @Nested
  @DisplayName("SVG")
  class Svg {

    @Test
    @DisplayName("is valid XML with a node per service and an arrow per edge, chain")
    void chain() throws Exception {
      Document svg = parse(GraphWriter.svg(CHAIN));

      assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
      assertThat(names(svg, "node service"))
          .containsExactly("get", "filterTemperature", "map", "movingAvg");
      assertThat(names(svg, "node client")).containsExactly("client", "client");
      assertThat(edges(svg))
          .containsExactly(
              "client->get",
              "get->filterTemperature",
              "filterTemperature->map",
              "map->movingAvg",
              "movingAvg->client");
      assertThat(svg.getElementsByTagNameNS(SVG_NS, "path").getLength())
          .as("one arrow path per edge, plus the arrowhead marker")
          .isEqualTo(5 + 1);
    }

    @Test
    @DisplayName("lays a chain out left to right, one column per step")
    void chainColumns() throws Exception {
      Document svg = parse(GraphWriter.svg(CHAIN));
      List<Double> xs = new ArrayList<>();
      for (String name : List.of("get", "filterTemperature", "map", "movingAvg")) {
        xs.add(Double.parseDouble(rect(svg, name).getAttribute("x")));
      }
      assertThat(xs).isSorted().doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("puts both sources of a fan-in in one column, before the service they feed")
    void fanIn() throws Exception {
      Document svg = parse(GraphWriter.svg(FAN_IN));

      assertThat(names(svg, "node service"))
          .containsExactly("temperature", "humidity", "zip", "report");
      assertThat(edges(svg))
          .containsExactly("temperature->zip", "humidity->zip", "zip->report", "report->client");
      Element temperature = rect(svg, "temperature");
      Element humidity = rect(svg, "humidity");
      Element zip = rect(svg, "zip");
      // One column: the boxes overlap horizontally, one above the other, both left of zip.
      assertThat(left(temperature)).isLessThan(right(humidity));
      assertThat(left(humidity)).isLessThan(right(temperature));
      assertThat(temperature.getAttribute("y")).isNotEqualTo(humidity.getAttribute("y"));
      assertThat(left(zip)).isGreaterThan(right(temperature)).isGreaterThan(right(humidity));
      assertThat(GraphWriter.svg(FAN_IN)).contains("List&lt;Double&gt;");
    }
  }

  @Nested
  @DisplayName("write()")
  class Write {

    @Test
    @DisplayName("writes <app>.mmd and <app>.svg, replacing old ones, with no temporary file left")
    void writesBoth(@TempDir Path dir) throws Exception {
      Path target = dir.resolve("target/dyninka");
      Files.createDirectories(target);
      Files.writeString(target.resolve("fan.svg"), "old");

      List<Path> written = GraphWriter.write(FAN_IN, target);

      assertThat(written).containsExactly(target.resolve("fan.mmd"), target.resolve("fan.svg"));
      assertThat(target.resolve("fan.mmd")).hasContent(GraphWriter.mermaid(FAN_IN));
      assertThat(Files.readString(target.resolve("fan.svg"))).isEqualTo(GraphWriter.svg(FAN_IN));
      try (Stream<Path> files = Files.list(target)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("fan.mmd", "fan.svg");
      }
    }

    @Test
    @DisplayName("writes nothing for a manifest that is not a dataflow")
    void badManifest(@TempDir Path dir) {
      AppManifest dangling =
          new AppManifest(
              "dangling",
              "x.Y",
              List.of(service("a", List.of(new InputManifest("ghost", "int")), "int", false)),
              "a");

      assertThatThrownBy(() -> GraphWriter.write(dangling, dir))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("service 'a'")
          .hasMessageContaining("'ghost'");
      assertThat(dir).isEmptyDirectory();
    }

    @Test
    @DisplayName("rejects a cycle, naming a service on it")
    void cycle() {
      AppManifest cycle =
          new AppManifest(
              "loop",
              "x.Y",
              List.of(
                  service("a", List.of(new InputManifest("b", "int")), "int", false),
                  service("b", List.of(new InputManifest("a", "int")), "int", false)),
              "b");

      assertThatThrownBy(() -> GraphWriter.svg(cycle))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cycle");
    }

    @Test
    @DisplayName("fails when the directory cannot be written, leaving no file")
    void unwritable(@TempDir Path dir) throws Exception {
      Path blocker = dir.resolve("dyninka");
      Files.writeString(blocker, "a file where the directory should be");

      assertThatThrownBy(() -> GraphWriter.write(CHAIN, blocker))
          .isInstanceOf(java.io.IOException.class);
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files).containsExactly(blocker);
      }
    }
  }

  @Test
  @DisplayName("shortens type names to what a reader needs")
  void typeNames() {
    assertThat(TypeNames.simple("double")).isEqualTo("double");
    assertThat(TypeNames.simple("java.lang.String")).isEqualTo("String");
    assertThat(TypeNames.simple("org.example.building.SmartBuilding.Reading"))
        .isEqualTo("SmartBuilding.Reading");
    assertThat(TypeNames.simple("java.util.Map<java.lang.String, java.util.List<org.x.Y>>"))
        .isEqualTo("Map<String, List<Y>>");
    assertThat(TypeNames.simple("io.vertx.core.json.JsonObject")).isEqualTo("JsonObject");
    assertThat(TypeNames.simple("org.example.Model$Order")).isEqualTo("Model.Order");
    assertThat(TypeNames.simple("java.util.List<x.Model$Order>")).isEqualTo("List<Model.Order>");
  }

  private static final String SVG_NS = "http://www.w3.org/2000/svg";

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> groups(Document svg, String cssClass) {
    List<Element> found = new ArrayList<>();
    NodeList groups = svg.getElementsByTagNameNS(SVG_NS, "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element group = (Element) groups.item(i);
      if (group.getAttribute("class").equals(cssClass)) {
        found.add(group);
      }
    }
    return found;
  }

  private static List<String> names(Document svg, String cssClass) {
    return groups(svg, cssClass).stream().map(g -> g.getAttribute("data-name")).toList();
  }

  private static List<String> edges(Document svg) {
    return groups(svg, "edge").stream()
        .peek(
            g ->
                assertThat(
                        ((Element) g.getElementsByTagNameNS(SVG_NS, "path").item(0))
                            .getAttribute("marker-end"))
                    .isEqualTo("url(#arrow)"))
        .map(g -> g.getAttribute("data-from") + "->" + g.getAttribute("data-to"))
        .toList();
  }

  private static double left(Element rect) {
    return Double.parseDouble(rect.getAttribute("x"));
  }

  private static double right(Element rect) {
    return left(rect) + Double.parseDouble(rect.getAttribute("width"));
  }

  private static Element rect(Document svg, String service) {
    return groups(svg, "node service").stream()
        .filter(g -> g.getAttribute("data-name").equals(service))
        .map(g -> (Element) g.getElementsByTagNameNS(SVG_NS, "rect").item(0))
        .findFirst()
        .orElseThrow();
  }
}
