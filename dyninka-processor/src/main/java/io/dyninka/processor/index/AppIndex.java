package io.dyninka.processor.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every app that the compilations of a module wrote, by name: {@code dyninka/apps.tsv} in the
 * generated-source output, out of what a jar or an image packages (see {@link IndexFiles}).
 *
 * <p>An IDE recompiles the file a user changed, not the files around it. When that file holds
 * services of an app but not its {@code @Dataflow} method, this index says which apps to write
 * again, and how their chains go: a {@code @Dataflow} class read from a class file has no method
 * body to read a chain from. An entry may be stale (its app renamed or deleted since); whoever
 * reads it checks it against the classes first.
 */
public record AppIndex(List<IndexedApp> apps) {

  public static final String RESOURCE = "dyninka/apps.tsv";

  private static final String HEADER =
      "# dyninka build index 1: the apps this module's compilations wrote";

  public AppIndex {
    apps = List.copyOf(apps);
  }

  public static AppIndex empty() {
    return new AppIndex(List.of());
  }

  /** The apps whose {@code @Dataflow} method or services live in one of {@code classes}. */
  public List<IndexedApp> using(Set<String> classes) {
    return apps.stream().filter(app -> app.uses(classes)).toList();
  }

  /** This index without the apps whose {@code @Dataflow} methods live in one of {@code classes}. */
  public AppIndex withoutAppsOf(Set<String> classes) {
    return new AppIndex(
        apps.stream().filter(app -> !classes.contains(app.dataflowClass())).toList());
  }

  /** This index with {@code written} added, replacing the entries of the same names. */
  public AppIndex with(Collection<IndexedApp> written) {
    Map<String, IndexedApp> byName = new TreeMap<>();
    apps.forEach(app -> byName.put(app.app(), app));
    written.forEach(app -> byName.put(app.app(), app));
    return new AppIndex(new ArrayList<>(byName.values()));
  }

  /**
   * The index as text: a header, then per app an {@code app} line and its {@code service} lines,
   * tab-separated, the apps sorted by name, so the same apps give the same bytes. Plain text rather
   * than JSON keeps a JSON library out of the compiler's class loading.
   */
  public String encode() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    apps.stream()
        .sorted((a, b) -> a.app().compareTo(b.app()))
        .forEach(app -> app.toLines().forEach(line -> text.append(line).append('\n')));
    return text.toString();
  }

  /**
   * Reads an index. One in another format or damaged reads as empty: the index only saves work, and
   * a full build writes it again.
   */
  public static AppIndex decode(String text) {
    try {
      String[] lines = text.split("\n");
      if (lines.length == 0 || !lines[0].equals(HEADER)) {
        return empty();
      }
      List<IndexedApp> apps = new ArrayList<>();
      String[] app = null;
      List<IndexedService> services = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        String[] fields = lines[i].split("\t", -1);
        if (fields[0].equals("app")) {
          addApp(app, services, apps);
          app = fields;
          services = new ArrayList<>();
        } else if (fields[0].equals("service") && app != null) {
          services.add(IndexedService.fromFields(fields));
        }
      }
      addApp(app, services, apps);
      return new AppIndex(apps);
    } catch (RuntimeException damaged) {
      return empty();
    }
  }

  private static void addApp(String[] app, List<IndexedService> services, List<IndexedApp> into) {
    if (app != null && !services.isEmpty()) {
      into.add(new IndexedApp(app[1], app[2], app[3], services));
    }
  }
}
