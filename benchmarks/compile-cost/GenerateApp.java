import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthetic Dyninka app for the compile-cost benchmark: {@code services} @Service methods
 * spread over classes of 20, all in one @Dataflow chain that has {@code fanIns} Flow.zip fan-ins
 * (each with a two-service side branch and a join), so every feature the processor reads and
 * writes is on the hot path. Each function does a few lines of ordinary work (arithmetic, a string,
 * a small stream), the size of the paper's functions; {@code bodies=tiny} makes each a one-liner,
 * the worst case for the processor's relative cost.
 *
 * <p>Run with {@code java GenerateApp.java <dir> [services] [fanIns] [realistic|tiny]}.
 */
public final class GenerateApp {

  private static final String PACKAGE = "bench.app";
  private static final int PER_CLASS = 20;

  private final List<String> classes = new ArrayList<>();
  private final StringBuilder currentClass = new StringBuilder();
  private int inCurrentClass;
  private String currentName;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int services = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int fanIns = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    boolean tiny = args.length > 3 && args[3].equals("tiny");
    new GenerateApp(tiny).write(dir, services, fanIns);
  }

  private final boolean tiny;

  private GenerateApp(boolean tiny) {
    this.tiny = tiny;
  }

  private void write(Path dir, int services, int fanIns) throws IOException {
    Path pkg = dir.resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(pkg);
    Files.writeString(
        pkg.resolve("Value.java"),
        "package " + PACKAGE + ";\n\n/** What travels between the services. */\n"
            + "public record Value(long id, double amount, String tag) {}\n");

    // One source, `fanIns` side branches of two services and a join each, the rest a long chain.
    int chainSteps = services - 1 - 3 * fanIns;
    int every = chainSteps / (fanIns + 1);
    String chain = "Flow.from(" + service("source", 0) + ")";
    int fanIn = 0;
    for (int i = 1; i <= chainSteps; i++) {
      chain += "\n        .then(" + service("step" + i, 1) + ")";
      if (fanIn < fanIns && i % every == 0) {
        fanIn++;
        String side =
            "Flow.from(" + service("side" + fanIn, 0) + ").then(" + service("sideMap" + fanIn, 1) + ")";
        chain = "Flow.zip(\n        " + chain + ",\n        " + side + ",\n        "
            + service("join" + fanIn, 2) + ")";
      }
    }
    closeClass();
    for (int i = 0; i < classes.size(); i++) {
      Files.writeString(pkg.resolve("Stage" + i + ".java"), classes.get(i));
    }
    Files.writeString(
        pkg.resolve("Synthetic.java"),
        "package " + PACKAGE + ";\n\n"
            + "import io.dyninka.Dataflow;\nimport io.dyninka.Flow;\n\n"
            + "/** The app: one chain through every service. */\n"
            + "public class Synthetic {\n"
            + "  @Dataflow\n"
            + "  static Flow<Value> synthetic() {\n"
            + "    return " + chain + ";\n"
            + "  }\n"
            + "}\n");
  }

  /** Declares a service with {@code inputs} Value inputs; returns its method reference. */
  private String service(String name, int inputs) {
    if (inCurrentClass == PER_CLASS) {
      closeClass();
    }
    if (inCurrentClass == 0) {
      currentName = "Stage" + classes.size();
      currentClass
          .append("package ").append(PACKAGE).append(";\n\n")
          .append("import io.dyninka.Placed;\nimport io.dyninka.Service;\nimport java.util.List;\n\n")
          .append("/** Services of the synthetic app. */\n")
          .append("public class ").append(currentName).append(" {\n")
          .append("  @Placed(\"").append(name).append("\")\n")
          .append("  static long calls;\n");
    }
    String body =
        switch (inputs) {
          case 0 -> "    return new Value(" + classes.size() + ", 1.5, \"" + name + "\");\n";
          case 1 -> tiny ? tinyStep() : step(name);
          default -> "    return new Value(a.id() + b.id(), a.amount() + b.amount(), a.tag());\n";
        };
    String parameters = switch (inputs) {
      case 0 -> "";
      case 1 -> "Value a";
      default -> "Value a, Value b";
    };
    currentClass
        .append("\n  @Service\n  static Value ").append(name).append("(").append(parameters)
        .append(") {\n")
        .append(inCurrentClass == 0 ? "    calls++;\n" : "")
        .append(body)
        .append("  }\n");
    inCurrentClass++;
    return currentName + "::" + name;
  }

  private String tinyStep() {
    return "    return new Value(a.id() + 1, a.amount() * 1.01 + " + inCurrentClass + ", a.tag());\n";
  }

  private String step(String name) {
    int k = name.hashCode() & 0xff;
    return "    double scaled = a.amount() * 1.01 + " + k + ";\n"
        + "    String tag = a.tag().length() > 40 ? a.tag().substring(0, 8) : a.tag() + \"-" + k + "\";\n"
        + "    long id = Math.floorMod(a.id() * 31 + tag.hashCode(), 1_000_003L);\n"
        + "    List<Double> window = List.of(scaled, a.amount(), (double) id);\n"
        + "    double mean = window.stream().mapToDouble(Double::doubleValue).average().orElse(0);\n"
        + "    return new Value(id, Math.max(mean, scaled), tag);\n";
  }

  private void closeClass() {
    if (inCurrentClass > 0) {
      classes.add(currentClass.append("}\n").toString());
      currentClass.setLength(0);
      inCurrentClass = 0;
    }
  }
}
