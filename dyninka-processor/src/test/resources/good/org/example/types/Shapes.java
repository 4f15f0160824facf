package org.example.types;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** Inputs and outputs of many shapes, to pin how the manifest names types. */
public class Shapes {
  public static class Point {
    public double x;
    public double y;
  }

  @Service
  static double[] samples() {
    return new double[] {1, 2};
  }

  @Service
  static Point[] points(double[] samples) {
    return new Point[samples.length];
  }

  @Service
  static List<? extends Point> listed(Point[] points) {
    return List.of(points);
  }

  @Service
  static Map<String, List<Point>> grouped(List<? extends Point> points) {
    return Map.of("all", List.copyOf(points));
  }

  @Service
  static JsonObject json(Map<String, List<Point>> grouped) {
    return new JsonObject().put("groups", grouped.size());
  }

  @Service
  static Object anything(JsonObject json) {
    return json.getMap();
  }

  @Dataflow
  static Flow<Object> shapes() {
    return Flow.from(Shapes::samples)
        .then(Shapes::points)
        .then(Shapes::listed)
        .then(Shapes::grouped)
        .then(Shapes::json)
        .then(Shapes::anything);
  }
}
