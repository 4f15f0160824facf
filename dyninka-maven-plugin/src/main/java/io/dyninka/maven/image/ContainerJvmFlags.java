package io.dyninka.maven.image;

import java.util.List;

/**
 * JVM flags for a service in a small container.
 *
 * <p>A Dyninka service is one function behind a Vert.x server, typically given a few hundred MiB
 * and a fraction of a core, and replaced rather than repaired when it fails:
 *
 * <ul>
 *   <li>{@code -XX:MaxRAMPercentage=75}: size the heap from the container's memory limit (the
 *       default 25% wastes most of a small limit), leaving room for metaspace, threads and Netty's
 *       direct buffers;
 *   <li>{@code -XX:+UseSerialGC}: with one or two CPUs and a small heap the serial collector has
 *       the least footprint and no GC threads; the JVM would pick G1 as soon as it sees 2 CPUs;
 *   <li>{@code -XX:+ExitOnOutOfMemoryError}: a service that ran out of memory is in an unknown
 *       state; exiting lets the orchestrator restart it, which the readiness probe then gates;
 *   <li>{@code -XX:-UsePerfData}: no {@code hsperfdata} file in /tmp, so the JVM starts on a
 *       read-only root file system and saves a little memory;
 *   <li>{@code -Xss512k}: event-loop services need few, shallow threads.
 * </ul>
 */
public final class ContainerJvmFlags {

  private ContainerJvmFlags() {}

  public static List<String> defaults() {
    return List.of(
        "-XX:MaxRAMPercentage=75",
        "-XX:+UseSerialGC",
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:-UsePerfData",
        "-Xss512k");
  }
}
