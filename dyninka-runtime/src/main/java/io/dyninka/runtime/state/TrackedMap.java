package io.dyninka.runtime.state;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a keyed placed field holds during one invocation: a map that knows each entry the function
 * touched, its value as the invocation started and as it is now. Single-key operations ({@code
 * get}, {@code containsKey}, {@code put}, {@code remove}, and {@code computeIfAbsent}, {@code
 * merge}, {@code compute}, {@code getOrDefault}, {@code putIfAbsent} built on them) work as on a
 * {@code HashMap}; anything over the whole map (size, iteration, views) is refused, since the whole
 * map is never loaded.
 *
 * <p>An entry not in the replica's cache throws {@link EntryNotLoaded}, after noting it as missing,
 * so that it is loaded before the function runs again.
 */
final class TrackedMap<K, V> extends AbstractMap<K, V> {

  /** One touched entry: its stored field, its version and JSON at load, and its value now. */
  static final class Touched {
    final String field;
    final StateStore.Versioned base;
    Object value;

    Touched(String field, StateStore.Versioned base, Object value) {
      this.field = field;
      this.base = base;
      this.value = value;
    }
  }

  private final String name;
  private final Function<Object, String> entryField;
  private final Function<String, StateStore.Versioned> cached;
  private final Function<String, Object> decode;
  private final Set<String> missing;
  final Map<Object, Touched> touched = new LinkedHashMap<>();

  /**
   * @param entryField the stored field of a key (its JSON)
   * @param cached the replica's cached value of a stored field, null when not loaded
   * @param decode a fresh value from its JSON
   * @param missing where stored fields not loaded are noted
   */
  TrackedMap(
      String name,
      Function<Object, String> entryField,
      Function<String, StateStore.Versioned> cached,
      Function<String, Object> decode,
      Set<String> missing) {
    this.name = name;
    this.entryField = entryField;
    this.cached = cached;
    this.decode = decode;
    this.missing = missing;
  }

  private Touched touch(Object key) {
    if (key == null) {
      throw new NullPointerException("placed field " + name + " has no null key");
    }
    Touched entry = touched.get(key);
    if (entry != null) {
      return entry;
    }
    String field = entryField.apply(key);
    StateStore.Versioned base = cached.apply(field);
    if (base == null) {
      missing.add(field);
      throw new EntryNotLoaded(name, field);
    }
    entry = new Touched(field, base, base.json() == null ? null : decode.apply(base.json()));
    touched.put(key, entry);
    return entry;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    return (V) touch(key).value;
  }

  @Override
  public boolean containsKey(Object key) {
    return touch(key).value != null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V put(K key, V value) {
    if (value == null) {
      throw new NullPointerException("placed field " + name + " holds no null value");
    }
    Touched entry = touch(key);
    Object old = entry.value;
    entry.value = value;
    return (V) old;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V remove(Object key) {
    Touched entry = touch(key);
    Object old = entry.value;
    entry.value = null;
    return (V) old;
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    throw wholeMap("iteration");
  }

  @Override
  public int size() {
    throw wholeMap("size()");
  }

  @Override
  public boolean isEmpty() {
    throw wholeMap("isEmpty()");
  }

  @Override
  public boolean containsValue(Object value) {
    throw wholeMap("containsValue()");
  }

  @Override
  public void clear() {
    throw wholeMap("clear()");
  }

  private UnsupportedOperationException wholeMap(String operation) {
    return new UnsupportedOperationException(
        "placed field "
            + name
            + " is stored per entry, so "
            + operation
            + " over the whole map is not supported; use get, put, remove, computeIfAbsent,"
            + " merge or compute on one key");
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return "placed " + name + " (" + touched.size() + " entries touched)";
  }
}
