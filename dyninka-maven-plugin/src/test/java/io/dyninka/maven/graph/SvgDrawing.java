package io.dyninka.maven.graph;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An SVG drawing read back as geometry: the boxes and the arrows as they will be seen. */
record SvgDrawing(List<Box> boxes, List<Arrow> arrows) {

  private static final String SVG_NS = "http://www.w3.org/2000/svg";
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

  record Rect(double x, double y, double width, double height) {

    /** Whether the interiors overlap, shrunk by {@code slack} so that touching does not count. */
    boolean overlaps(Rect other, double slack) {
      return x + slack < other.x + other.width
          && other.x + slack < x + width
          && y + slack < other.y + other.height
          && other.y + slack < y + height;
    }

    /**
     * Whether the segment passes through the interior, shrunk by {@code slack} (Liang-Barsky
     * clipping).
     */
    boolean crossedBy(double[] from, double[] to, double slack) {
      double dx = to[0] - from[0];
      double dy = to[1] - from[1];
      double[] p = {-dx, dx, -dy, dy};
      double[] q = {
        from[0] - (x + slack),
        (x + width - slack) - from[0],
        from[1] - (y + slack),
        (y + height - slack) - from[1]
      };
      double enter = 0;
      double exit = 1;
      for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
          if (q[i] <= 0) {
            return false;
          }
        } else {
          double t = q[i] / p[i];
          if (p[i] < 0) {
            enter = Math.max(enter, t);
          } else {
            exit = Math.min(exit, t);
          }
        }
      }
      return enter < exit;
    }
  }

  record Box(String id, String name, String cssClass, Rect rect) {}

  /**
   * @param points every coordinate pair of the path, in order: the polyline of its straight
   *     segments and its bends' control points, which contains the drawn curve
   * @param label the label's box, or null
   */
  record Arrow(
      String fromId,
      String toId,
      String from,
      String to,
      List<double[]> points,
      Rect label,
      String text) {}

  static SvgDrawing parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    List<Box> boxes = new ArrayList<>();
    List<Arrow> arrows = new ArrayList<>();
    NodeList groups = document.getElementsByTagNameNS(SVG_NS, "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element group = (Element) groups.item(i);
      String cssClass = group.getAttribute("class");
      if (cssClass.startsWith("node")) {
        boxes.add(
            new Box(
                group.getAttribute("data-id"),
                group.getAttribute("data-name"),
                cssClass,
                rect(first(group, "rect"))));
      } else if (cssClass.equals("edge")) {
        Element label = first(group, "rect");
        Element text = first(group, "text");
        arrows.add(
            new Arrow(
                group.getAttribute("data-from-id"),
                group.getAttribute("data-to-id"),
                group.getAttribute("data-from"),
                group.getAttribute("data-to"),
                points(first(group, "path").getAttribute("d")),
                label == null ? null : rect(label),
                text == null ? null : text.getTextContent()));
      }
    }
    return new SvgDrawing(List.copyOf(boxes), List.copyOf(arrows));
  }

  Box box(String id) {
    return boxes.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
  }

  private static Element first(Element group, String tag) {
    NodeList found = group.getElementsByTagNameNS(SVG_NS, tag);
    return found.getLength() == 0 ? null : (Element) found.item(0);
  }

  private static Rect rect(Element rect) {
    return new Rect(
        Double.parseDouble(rect.getAttribute("x")),
        Double.parseDouble(rect.getAttribute("y")),
        Double.parseDouble(rect.getAttribute("width")),
        Double.parseDouble(rect.getAttribute("height")));
  }

  private static List<double[]> points(String d) {
    List<Double> numbers = new ArrayList<>();
    Matcher matcher = NUMBER.matcher(d);
    while (matcher.find()) {
      numbers.add(Double.parseDouble(matcher.group()));
    }
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i + 1 < numbers.size(); i += 2) {
      points.add(new double[] {numbers.get(i), numbers.get(i + 1)});
    }
    return points;
  }
}
