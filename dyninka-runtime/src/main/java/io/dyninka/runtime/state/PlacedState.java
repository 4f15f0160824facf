package io.dyninka.runtime.state;

import com.fasterxml.jackson.databind.JavaType;
import io.dyninka.runtime.JsonCodec;
import io.dyninka.runtime.state.StateStore.Change;
import io.dyninka.runtime.state.StateStore.Slot;
import io.dyninka.runtime.state.StateStore.Versioned;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The placed fields of one service replica, kept in a {@link StateStore}: the replica's cache of
 * their last committed values and versions, and one invocation's way through them — {@link
 * #prepare} loads what is not cached, {@link #install} sets the fields, {@link #changes} reads them
 * back as one commit, and {@link #committed}, {@link #conflicted}, {@link #failed} or {@link
 * #uncertain} says how it ended. Not thread-safe: one invocation at a time per replica.
 */
public final class PlacedState {

  /** Entries of one keyed field a replica keeps cached; beyond it the least recent are dropped. */
  static final int MAX_CACHED_ENTRIES = 100_000;

  private static final String WHOLE = "=";

  private final StateStore store;
  private final JsonCodec codec;
  private final List<Whole> wholes = new ArrayList<>();
  private final List<Keyed> keyed = new ArrayList<>();

  /**
   * @param app the app's name: the stored hashes are {@code dyninka:{app}:pkg.Class#field}, one
   *     hash slot per app for a Redis cluster
   * @throws IllegalArgumentException naming a placed field that cannot be found or set
   */
  public PlacedState(StateStore store, JsonCodec codec, String app, List<String> placed) {
    this.store = store;
    this.codec = codec;
    for (String name : placed) {
      PlacedField field = PlacedField.resolve(name, codec);
      String key = "dyninka:{" + app + "}:" + name;
      if (field.keyed) {
        keyed.add(new Keyed(field, key));
      } else {
        wholes.add(new Whole(field, new Slot(key, WHOLE), encode(field.get())));
      }
    }
  }

  public String address() {
    return store.address();
  }

  public Future<Void> close() {
    return store.close();
  }

  /** Loads, in one round trip, every whole field not cached and every entry found missing. */
  public Future<Void> prepare(long timeoutMillis) {
    List<Slot> slots = new ArrayList<>();
    for (Whole whole : wholes) {
      if (whole.cached == null) {
        slots.add(whole.slot);
      }
    }
    for (Keyed field : keyed) {
      field.missing.forEach(entry -> slots.add(new Slot(field.key, entry)));
    }
    if (slots.isEmpty()) {
      return Future.succeededFuture();
    }
    return store
        .load(slots, timeoutMillis)
        .map(
            values -> {
              for (int i = 0; i < slots.size(); i++) {
                remember(slots.get(i), values.get(i));
              }
              keyed.forEach(field -> field.missing.clear());
              return null;
            });
  }

  /** Sets every field to its committed state: whole ones only if they may differ from it. */
  public void install() {
    for (Whole whole : wholes) {
      if (!whole.installed) {
        String json = whole.cached.json() == null ? whole.initial : whole.cached.json();
        whole.field.set(decode(json, whole));
        whole.installed = true;
      }
    }
    for (Keyed field : keyed) {
      field.current = field.track();
    }
  }

  /** Whether the last run touched an entry not loaded: it must be loaded and the run repeated. */
  public boolean missedEntries() {
    for (Keyed field : keyed) {
      if (!field.missing.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * What the invocation that just returned commits: every whole field and every touched entry is
   * checked at the version it was read at; those whose JSON changed are written.
   *
   * @throws IllegalStateException when a value cannot be written as JSON
   */
  public List<Change> changes() {
    List<Change> changes = new ArrayList<>();
    for (Whole whole : wholes) {
      String now = encode(whole.field.get());
      String before = whole.cached.json() == null ? whole.initial : whole.cached.json();
      boolean write = !now.equals(before);
      changes.add(new Change(whole.slot, whole.cached.version(), write, now));
    }
    for (Keyed field : keyed) {
      for (TrackedMap.Touched entry : field.current.touched.values()) {
        String now = entry.value == null ? null : encode(entry.value);
        boolean write = !Objects.equals(now, entry.base.json());
        changes.add(new Change(new Slot(field.key, entry.field), entry.base.version(), write, now));
      }
    }
    return changes;
  }

  /** Commits {@code changes} in one round trip ({@link StateStore#commit}). */
  public Future<StateStore.Commit> commit(List<Change> changes, boolean claim, long timeoutMillis) {
    return store.commit(changes, claim, timeoutMillis);
  }

  /** The store committed {@code changes}: they are the new cached state. */
  public void committed(List<Change> changes) {
    for (Change change : changes) {
      if (change.write()) {
        remember(change.slot(), new Versioned(change.expected() + 1, change.json()));
      }
    }
    for (Whole whole : wholes) {
      // The field already holds what was committed.
      whole.installed = true;
    }
  }

  /** Another replica committed first: cache what it wrote; the function runs again on it. */
  public void conflicted(Map<Slot, Versioned> moved) {
    moved.forEach(this::remember);
    wholes.forEach(whole -> whole.installed = false);
  }

  /**
   * The function failed, or stopped at an entry not loaded: its changes are dropped and the fields
   * hold the committed state again. Missed entries stay noted, for {@link #prepare} to load.
   */
  public void failed() {
    wholes.forEach(whole -> whole.installed = false);
    install();
  }

  /**
   * The store failed while committing, so whether it committed is unknown: everything cached is
   * forgotten and loaded again by the next invocation.
   */
  public void uncertain() {
    for (Whole whole : wholes) {
      whole.cached = null;
      whole.installed = false;
    }
    keyed.forEach(field -> field.entries.clear());
  }

  private void remember(Slot slot, Versioned value) {
    for (Whole whole : wholes) {
      if (whole.slot.equals(slot)) {
        whole.cached = value;
        whole.installed = false;
        return;
      }
    }
    for (Keyed field : keyed) {
      if (field.key.equals(slot.key())) {
        field.entries.put(slot.field(), value);
        return;
      }
    }
  }

  private String encode(Object value) {
    return codec.encode(value).toString();
  }

  private Object decode(String json, Whole whole) {
    if (json == null || json.equals("null")) {
      return null;
    }
    return read(json, whole.field.type, whole.field.name);
  }

  private Object read(String json, JavaType type, String name) {
    try {
      return codec.mapper().readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "stored state of placed field " + name + " does not fit its type " + type, e);
    }
  }

  /** A field stored whole, in one slot. */
  private static final class Whole {
    final PlacedField field;
    final Slot slot;

    /** The field's value as the class initialised it: the state before any commit. */
    final String initial;

    /** Its last committed value; null until loaded. */
    Versioned cached;

    /** Whether the field holds {@link #cached}, so that installing it costs nothing. */
    boolean installed;

    Whole(PlacedField field, Slot slot, String initial) {
      this.field = field;
      this.slot = slot;
      this.initial = initial;
    }
  }

  /** A field of a Map type, stored per entry in one hash. */
  private final class Keyed {
    final PlacedField field;
    final String key;
    final Map<String, Versioned> entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Versioned> eldest) {
            return size() > MAX_CACHED_ENTRIES;
          }
        };
    final Set<String> missing = new LinkedHashSet<>();
    TrackedMap<Object, Object> current;

    Keyed(PlacedField field, String key) {
      this.field = field;
      this.key = key;
    }

    TrackedMap<Object, Object> track() {
      TrackedMap<Object, Object> map =
          new TrackedMap<>(
              field.name,
              entry -> codec.encode(entry).toString(),
              entries::get,
              json -> read(json, field.type.getContentType(), field.name),
              missing);
      field.set(map);
      return map;
    }
  }
}
