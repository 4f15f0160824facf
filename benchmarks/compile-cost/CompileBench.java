import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Times javac in one warm JVM, as Maven runs it (in-process, a new processor class loader per
 * compilation): {@code runs} compilations of the synthetic app without and with the processor,
 * alternating, after {@code warmups} of each. Prints the medians "plain-ms processed-ms" of the
 * compiling thread's CPU time, which other processes on the machine disturb far less than wall
 * time (javac compiles on the calling thread; JIT and GC threads are not counted).
 *
 * <p>{@code java CompileBench.java <sources.txt> <classpath> <processorpath> <out> <warmups> <runs>}
 */
public final class CompileBench {

  public static void main(String[] args) throws IOException {
    List<String> sources = Files.readAllLines(Path.of(args[0]));
    String classpath = args[1];
    String processorpath = args[2];
    Path out = Path.of(args[3]);
    int warmups = Integer.parseInt(args[4]);
    int runs = Integer.parseInt(args[5]);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

    List<String> plain = List.of("--release", "17", "-proc:none", "-cp", classpath);
    List<String> processed =
        List.of("--release", "17", "-processorpath", processorpath, "-cp", classpath);
    long[] plainMs = new long[runs];
    long[] processedMs = new long[runs];
    for (int i = -warmups; i < runs; i++) {
      long a = compile(javac, plain, sources, out.resolve("plain"));
      long b = compile(javac, processed, sources, out.resolve("processed"));
      if (i >= 0) {
        plainMs[i] = a;
        processedMs[i] = b;
      }
    }
    System.out.println(median(plainMs) + " " + median(processedMs));
  }

  private static long compile(JavaCompiler javac, List<String> options, List<String> sources, Path out)
      throws IOException {
    clean(out);
    Files.createDirectories(out.resolve("classes"));
    Files.createDirectories(out.resolve("generated"));
    List<String> arguments = new ArrayList<>(options);
    arguments.addAll(List.of("-d", out.resolve("classes").toString()));
    arguments.addAll(List.of("-s", out.resolve("generated").toString()));
    arguments.addAll(sources);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    int status = javac.run(null, log, log, arguments.toArray(new String[0]));
    long elapsed = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
    if (status != 0) {
      throw new IllegalStateException("javac failed (" + status + ") with " + options + "\n" + log);
    }
    return elapsed;
  }

  private static void clean(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
