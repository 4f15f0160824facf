package io.dyninka.maven.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes a small JRE base image from the build machine's JDK, for machines that cannot pull {@code
 * eclipse-temurin:17-jre}: {@code jlink} keeps only the modules a Vert.x service needs, and the
 * shared libraries those binaries load (found with {@code ldd}) are copied in at the paths the
 * dynamic loader looks for them. The image is built FROM scratch with jib-core, so no container
 * engine is needed, and is reproducible: same JDK, same digest.
 *
 * <p>Layout, like the Temurin images: the JRE in {@code /opt/java/openjdk}, {@code java} on the
 * {@code PATH}, a world-writable {@code /tmp}, and an {@code /etc/passwd} that names the non-root
 * user 65532.
 */
public final class BaseImageMaker {

  /** The modules a Dyninka service needs: Vert.x and Netty, Jackson, JNDI DNS, TLS with EC. */
  public static final List<String> DEFAULT_MODULES =
      List.of(
          "java.base",
          "java.logging",
          "java.management",
          "java.naming",
          "java.sql",
          "jdk.crypto.ec",
          "jdk.naming.dns",
          "jdk.unsupported");

  public static final String DEFAULT_NAME = "dyninka/jre:17";
  public static final String JAVA_HOME = "/opt/java/openjdk";

  private static final Pattern LDD_LINE =
      Pattern.compile("^\\s*(?:\\S+\\s+=>\\s+)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)\\s*$");
  private static final Instant EPOCH_PLUS_ONE = Instant.ofEpochSecond(1);

  private final Path jdkHome;
  private final List<String> modules;
  private final Consumer<String> log;

  public BaseImageMaker(Path jdkHome, List<String> modules, Consumer<String> log) {
    this.jdkHome = jdkHome;
    this.modules = List.copyOf(modules);
    this.log = log;
  }

  /** The JDK this JVM runs on. */
  public static Path currentJdk() {
    return Path.of(System.getProperty("java.home"));
  }

  /**
   * Writes the base image as a tar that Jib reads as {@code tar://file} and podman reads with
   * {@code podman load}, and pushes it when {@code pushTo} is not null.
   *
   * @return the image's digest
   */
  public String make(Path tar, String name, String pushTo, boolean insecure, Path workDirectory)
      throws ImageBuildException {
    Path jre = workDirectory.resolve("jre");
    Path libs = workDirectory.resolve("rootfs");
    try {
      deleteRecursively(workDirectory);
      Files.createDirectories(workDirectory);
      jlink(jre);
      List<Path> shared = sharedLibraries(jre);
      JibContainerBuilder image = imageOf(jre, shared, libs);
      String digest = null;
      if (tar != null) {
        Files.createDirectories(tar.toAbsolutePath().getParent());
        JibContainer written =
            image.containerize(
                configure(Containerizer.to(TarImage.at(tar).named(name)), insecure, workDirectory));
        digest = written.getDigest().toString();
        log.accept(
            "Base image "
                + name
                + " written to "
                + tar
                + " ("
                + Files.size(tar) / 1024
                + " KiB, "
                + digest
                + ")");
      }
      if (pushTo != null) {
        JibContainer pushed =
            image.containerize(
                configure(Containerizer.to(RegistryImage.named(pushTo)), insecure, workDirectory));
        digest = pushed.getDigest().toString();
        log.accept("Base image pushed to " + pushTo + "@" + digest);
      }
      return digest;
    } catch (InvalidImageReferenceException e) {
      throw new ImageBuildException("Invalid base image name " + e.getMessage(), e);
    } catch (ExecutionException e) {
      throw new ImageBuildException(
          "Cannot write the base image: "
              + e.getCause()
              + (pushTo == null ? "" : " (push to " + pushTo + ": is the registry running?)"),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageBuildException("Interrupted while making the base image", e);
    } catch (IOException
        | com.google.cloud.tools.jib.api.RegistryException
        | com.google.cloud.tools.jib.api.CacheDirectoryCreationException e) {
      throw new ImageBuildException("Cannot make the base image: " + e.getMessage(), e);
    }
  }

  /** Jib's layer caches default to the system temp folder: keep them in the work directory. */
  private Containerizer configure(
      Containerizer containerizer, boolean insecure, Path workDirectory) {
    return containerizer
        .setToolName("dyninka")
        .setApplicationLayersCache(workDirectory.resolve("jib-cache").resolve("application"))
        .setBaseImageLayersCache(workDirectory.resolve("jib-cache").resolve("base"))
        .setAllowInsecureRegistries(insecure)
        .addEventHandler(
            LogEvent.class,
            e -> {
              if (e.getLevel() == LogEvent.Level.ERROR || e.getLevel() == LogEvent.Level.WARN) {
                log.accept(e.getMessage());
              }
            });
  }

  void jlink(Path output) throws IOException, ImageBuildException, InterruptedException {
    Path jmods = jdkHome.resolve("jmods");
    if (!Files.isDirectory(jmods)) {
      throw new ImageBuildException(
          "The JDK at "
              + jdkHome
              + " has no jmods directory, which jlink needs: install the JDK's"
              + " jmods (Debian: apt-get install openjdk-17-jmods) or use a JDK that ships them.");
    }
    Path jlink = jdkHome.resolve("bin/jlink");
    List<String> command =
        List.of(
            jlink.toString(),
            "--module-path",
            jmods.toString(),
            "--add-modules",
            String.join(",", modules),
            "--strip-debug",
            "--no-header-files",
            "--no-man-pages",
            "--compress=2",
            "--output",
            output.toString());
    log.accept("jlink " + String.join(",", modules));
    run(command, Duration.ofMinutes(5));
  }

  /** The shared libraries outside the JRE that its binaries load, as ldd resolves them here. */
  List<Path> sharedLibraries(Path jre)
      throws IOException, ImageBuildException, InterruptedException {
    List<Path> elves;
    try (Stream<Path> files = Files.walk(jre)) {
      elves = files.filter(Files::isRegularFile).filter(BaseImageMaker::isElf).sorted().toList();
    }
    Set<Path> libraries = new TreeSet<>();
    for (Path elf : elves) {
      for (String line : run(List.of("ldd", elf.toString()), Duration.ofSeconds(30)).split("\n")) {
        Matcher m = LDD_LINE.matcher(line);
        if (m.matches()) {
          Path library = Path.of(m.group(1));
          if (!library.normalize().startsWith(jre)) {
            libraries.add(library);
          }
        }
      }
    }
    return List.copyOf(libraries);
  }

  private JibContainerBuilder imageOf(Path jre, List<Path> shared, Path rootfs) throws IOException {
    FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("jre");
    AbsoluteUnixPath home = AbsoluteUnixPath.get(JAVA_HOME);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(jre)) {
      files = walk.filter(p -> !p.equals(jre)).sorted(Comparator.naturalOrder()).toList();
    }
    for (Path file : files) {
      String relative = jre.relativize(file).toString();
      layer.addEntry(file, home.resolve(relative), permissions(file), EPOCH_PLUS_ONE, "0:0");
    }
    // The loader and libraries at the very paths ldd named: the binaries' interpreter and the
    // loader's search path find them there.
    for (Path library : shared) {
      layer.addEntry(
          library.toRealPath(),
          AbsoluteUnixPath.get(library.toString()),
          FilePermissions.fromOctalString("755"),
          EPOCH_PLUS_ONE,
          "0:0");
    }
    Files.createDirectories(rootfs.resolve("tmp"));
    Files.createDirectories(rootfs.resolve("etc"));
    Path passwd = rootfs.resolve("etc/passwd");
    Files.writeString(
        passwd,
        "root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n",
        StandardCharsets.UTF_8);
    Path group = rootfs.resolve("etc/group");
    Files.writeString(group, "root:x:0:\nnonroot:x:65532:\n", StandardCharsets.UTF_8);
    Files.createDirectories(rootfs.resolve("home/nonroot"));
    layer.addEntry(
        rootfs.resolve("tmp"),
        AbsoluteUnixPath.get("/tmp"),
        FilePermissions.fromOctalString("777"),
        EPOCH_PLUS_ONE,
        "0:0");
    layer.addEntry(
        passwd,
        AbsoluteUnixPath.get("/etc/passwd"),
        FilePermissions.fromOctalString("644"),
        EPOCH_PLUS_ONE,
        "0:0");
    layer.addEntry(
        group,
        AbsoluteUnixPath.get("/etc/group"),
        FilePermissions.fromOctalString("644"),
        EPOCH_PLUS_ONE,
        "0:0");
    layer.addEntry(
        rootfs.resolve("home/nonroot"),
        AbsoluteUnixPath.get("/home/nonroot"),
        FilePermissions.fromOctalString("755"),
        EPOCH_PLUS_ONE,
        "65532:65532");

    TreeMap<String, String> env = new TreeMap<>();
    env.put("JAVA_HOME", JAVA_HOME);
    env.put(
        "PATH", JAVA_HOME + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("LANG", "C.UTF-8");
    // Docker format: Jib reads a tar:// base image only in the layout of 'docker save'.
    return Jib.fromScratch()
        .setFormat(ImageFormat.Docker)
        .setCreationTime(Instant.EPOCH)
        .addFileEntriesLayer(layer.build())
        .setEnvironment(env)
        .addLabel("org.opencontainers.image.title", "dyninka-jre")
        .addLabel(
            "org.opencontainers.image.description",
            "jlink JRE ("
                + String.join(",", modules)
                + ") of "
                + System.getProperty("java.vm.vendor")
                + " "
                + javaVersion());
  }

  private String javaVersion() {
    try {
      for (String line : Files.readAllLines(jdkHome.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          return line.substring("JAVA_VERSION=".length()).replace("\"", "");
        }
      }
    } catch (IOException e) {
      // the version is only a label
    }
    return System.getProperty("java.version");
  }

  private static FilePermissions permissions(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      return FilePermissions.fromOctalString("755");
    }
    return FilePermissions.fromOctalString(Files.isExecutable(file) ? "755" : "644");
  }

  private static boolean isElf(Path file) {
    try (var in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4
          && magic[0] == 0x7f
          && magic[1] == 'E'
          && magic[2] == 'L'
          && magic[3] == 'F';
    } catch (IOException e) {
      return false;
    }
  }

  private static String run(List<String> command, Duration timeout)
      throws IOException, ImageBuildException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new ImageBuildException(
          "Cannot run "
              + command.get(0)
              + " ("
              + e.getMessage()
              + "): the base image maker needs"
              + " a Linux JDK with jlink and the ldd tool",
          e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new ImageBuildException(command.get(0) + " did not finish within " + timeout);
    }
    if (process.exitValue() != 0) {
      throw new ImageBuildException(String.join(" ", command) + " failed: " + output.strip());
    }
    return output;
  }

  static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(directory)) {
      paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
    }
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
  }
}
