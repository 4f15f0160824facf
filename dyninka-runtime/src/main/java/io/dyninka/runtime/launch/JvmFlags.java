package io.dyninka.runtime.launch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options each service process starts with.
 *
 * <p>A service is a small Vert.x process that holds little data, and several of them run side by
 * side on one machine, so {@link #defaults()} trades the JVM's "I own this server" ergonomics for a
 * small footprint while keeping the C2 compiler, which carries the throughput. On a 24 GB, 2-core
 * Linux machine, a Vert.x JSON endpoint measured about 62 MB idle RSS with these flags against 77
 * MB without, and about 100 MB against 340 MB after a 10-second load burst.
 *
 * @param flags the options, in order; a later option overrides an earlier one (HotSpot keeps the
 *     last), so {@link #with} can override a default
 */
public record JvmFlags(List<String> flags) {

  /**
   * The flags {@link LocalLauncher} uses unless told otherwise:
   *
   * <ul>
   *   <li>{@code -XX:+UseSerialGC}: no concurrent GC threads and no G1 remembered sets; on a heap
   *       of a few tens of MB its pauses are a few milliseconds.
   *   <li>{@code -XX:MaxRAM=1g}: sizes the heap as if the machine had 1 GB (256 MB max, 16 MB
   *       initial) instead of a quarter of the host's memory, which otherwise lets eden grow to
   *       hundreds of MB under load; a later {@code -Xmx} still wins.
   *   <li>{@code -Xss512k}: caps the stack of each of the ~30 Vert.x and Netty threads; event-loop
   *       code is shallow.
   *   <li>{@code -XX:CICompilerCount=2}: one C1 and one C2 thread, whatever the core count, which
   *       bounds the JIT's threads and arenas on big hosts. C2 stays on: {@code
   *       -XX:TieredStopAtLevel=1} would save ~10 MB at a cost of half the throughput.
   *   <li>{@code -XX:+ExitOnOutOfMemoryError}: a service that ran out of memory exits and says so,
   *       rather than limping on with dead threads.
   * </ul>
   */
  public static JvmFlags defaults() {
    return of(
        "-XX:+UseSerialGC",
        "-XX:MaxRAM=1g",
        "-Xss512k",
        "-XX:CICompilerCount=2",
        "-XX:+ExitOnOutOfMemoryError");
  }

  /** No flags: the JVM's own ergonomics. */
  public static JvmFlags none() {
    return new JvmFlags(List.of());
  }

  public static JvmFlags of(String... flags) {
    return new JvmFlags(Arrays.asList(flags));
  }

  /** Splits a command-line style string ({@code "-Xmx64m -Dx=y"}) on whitespace. */
  public static JvmFlags parse(String line) {
    String trimmed = line == null ? "" : line.strip();
    return trimmed.isEmpty() ? none() : new JvmFlags(Arrays.asList(trimmed.split("\\s+")));
  }

  public JvmFlags {
    for (String flag : flags) {
      if (flag == null || flag.isBlank()) {
        throw new IllegalArgumentException("a JVM flag is empty in " + flags);
      }
    }
    flags = List.copyOf(flags);
  }

  /**
   * These flags for one of {@code processes} JVMs that share this machine: each sees its share of
   * the cores ({@code -XX:ActiveProcessorCount}, at least one), so that the event loops of all the
   * services together follow the cores instead of each service sizing itself for the whole machine.
   * Flags that set the count already are kept as they are.
   */
  public JvmFlags sharing(int processes, int cores) {
    if (flags.stream().anyMatch(f -> f.startsWith(ACTIVE_PROCESSOR_COUNT))) {
      return this;
    }
    List<String> all = new ArrayList<>();
    all.add(ACTIVE_PROCESSOR_COUNT + Math.max(1, cores / Math.max(1, processes)));
    all.addAll(flags);
    return new JvmFlags(all);
  }

  private static final String ACTIVE_PROCESSOR_COUNT = "-XX:ActiveProcessorCount=";

  /** These flags followed by {@code more}, which so override any default they contradict. */
  public JvmFlags with(List<String> more) {
    List<String> all = new ArrayList<>(flags);
    all.addAll(more);
    return new JvmFlags(all);
  }

  public JvmFlags with(String... more) {
    return with(Arrays.asList(more));
  }

  @Override
  public String toString() {
    return String.join(" ", flags);
  }
}
