package io.dyninka.processor.index;

import io.dyninka.processor.model.AppModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * What one compilation needs for an IDE's incremental build: the index the last compilation left,
 * which {@code @Dataflow} classes this one read, which apps it wrote, and which apps it rebuilt
 * from the index because only a file of their services was recompiled.
 *
 * <p>An IDE recompiles the files a user changed, not the {@code @Dataflow} file that uses them. So
 * a round whose classes hold services of an indexed app whose {@code @Dataflow} class this
 * compilation does not read writes that app again ({@link #toRebuild}), and the last round writes
 * the index again ({@link #writeIndex}).
 */
public final class IncrementalRebuild {

  /** An indexed app to write again, and the recompiled class of its services to blame. */
  public record Rebuild(IndexedApp app, TypeElement where) {}

  private final IndexFiles files;

  /** The build index that the last compilation left, read on first use. */
  private AppIndex previous;

  /** The classes whose {@code @Dataflow} methods this compilation read, by canonical name. */
  private final Set<String> readOwners = new HashSet<>();

  /** Classes of apps read from the index: not compiled now, so not warned about. */
  private final Set<String> notRecompiled = new HashSet<>();

  /** The apps written by this compilation, for the build index. */
  private final Map<String, IndexedApp> written = new LinkedHashMap<>();

  private final Set<Element> writtenSources = new LinkedHashSet<>();

  public IncrementalRebuild(IndexFiles files) {
    this.files = files;
  }

  /** This compilation reads the {@code @Dataflow} methods of {@code owner}. */
  public void readDataflowsOf(TypeElement owner) {
    readOwners.add(owner.getQualifiedName().toString());
  }

  /**
   * The indexed apps that use one of {@code roundTypes} (or their nested types) but whose {@code
   * Dataflow} class this compilation has not read: an IDE recompiled a file of their services
   * alone.
   */
  public List<Rebuild> toRebuild(Collection<TypeElement> roundTypes) {
    Map<String, TypeElement> recompiled = new LinkedHashMap<>();
    roundTypes.forEach(type -> addWithNested(type, recompiled));
    if (recompiled.isEmpty()) {
      return List.of();
    }
    List<Rebuild> rebuilds = new ArrayList<>();
    for (IndexedApp indexed : previous().using(recompiled.keySet())) {
      if (readOwners.contains(indexed.dataflowClass()) || written.containsKey(indexed.app())) {
        continue;
      }
      TypeElement where =
          recompiled.values().stream()
              .filter(type -> indexed.uses(Set.of(type.getQualifiedName().toString())))
              .findFirst()
              .orElseThrow();
      rebuilds.add(new Rebuild(indexed, where));
    }
    return rebuilds;
  }

  /** The app of {@code rebuild} was read from the index; its {@code @Dataflow} class is not new. */
  public void readFromIndex(Rebuild rebuild) {
    notRecompiled.add(rebuild.app().dataflowClass());
  }

  /** The {@code @Dataflow} classes of apps read from the index, by canonical name. */
  public Set<String> notRecompiled() {
    return Set.copyOf(notRecompiled);
  }

  public void written(AppModel model) {
    written.put(model.name(), IndexedApps.of(model));
    writtenSources.add(model.source());
  }

  /**
   * Writes the build index: the last one, with the apps of this compilation in it, and without the
   * apps of the {@code @Dataflow} classes read now that were not written (gone, or with errors to
   * fix). A compilation that changes nothing in it leaves the file alone.
   */
  public void writeIndex() throws IOException {
    AppIndex index = previous().withoutAppsOf(readOwners).with(written.values());
    if (written.isEmpty() && index.equals(previous())) {
      return;
    }
    files.write(index, writtenSources.toArray(new Element[0]));
  }

  private AppIndex previous() {
    if (previous == null) {
      previous = files.previous();
    }
    return previous;
  }

  private static void addWithNested(TypeElement type, Map<String, TypeElement> into) {
    into.put(type.getQualifiedName().toString(), type);
    ElementFilter.typesIn(type.getEnclosedElements())
        .forEach(nested -> addWithNested(nested, into));
  }
}
