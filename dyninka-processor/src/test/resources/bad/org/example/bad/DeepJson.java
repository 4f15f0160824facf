package org.example.bad;

import io.dyninka.Service;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Payload types whose top is fine but whose members cannot, or may not, travel as JSON. */
public class DeepJson {
  public static class Model {
    public record Item(String sku, InputStream attachment) {}

    public record Order(String id, List<Item> items) {}
  }

  public record Crew(List<Thread> workers) {}

  public record Point(int x, int y) {}

  public record Grid(Map<Point, String> cells) {}

  /** A bean: Jackson reads its getters. */
  public static class Ticket {
    public String getTitle() {
      return "";
    }

    public Optional<Class<?>> getKind() {
      return Optional.empty();
    }
  }

  public record Note(Object anything, CharSequence text, List raw) {}

  /** Refers to itself: the walk must end. */
  public record Tree(String label, List<Tree> children, Tree parent) {}

  @Service
  static int score(Model.Order order) {
    return 1;
  }

  @Service
  static Crew crew() {
    return null;
  }

  @Service
  static int grid(Grid grid) {
    return 1;
  }

  @Service
  static Ticket ticket() {
    return null;
  }

  @Service
  static int note(Note note) {
    return 1;
  }

  @Service
  static Tree tree(Tree tree) {
    return tree;
  }

  @Service
  static int untyped(Map<String, Object> json, List<Object> values) {
    return 1;
  }
}
