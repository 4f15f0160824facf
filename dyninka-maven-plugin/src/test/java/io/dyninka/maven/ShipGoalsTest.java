package io.dyninka.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.maven.image.BuiltImage;
import io.dyninka.maven.image.ContainerUser;
import io.dyninka.maven.image.ImageSettings;
import io.dyninka.maven.image.ImageTarget;
import io.dyninka.maven.image.ImagesFile;
import io.dyninka.maven.resources.ResourceFiles;
import io.dyninka.maven.resources.ResourceSettings;
import io.dyninka.maven.testing.Manifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build, resources, deploy and undeploy Mojos as Maven drives them, on a project in a temp dir.
 */
class ShipGoalsTest {

  static final AppManifest APP = Manifests.smartBuilding();
  @TempDir Path dir;

  MavenProject project() throws Exception {
    Model model = new Model();
    model.setGroupId("org.example");
    model.setArtifactId("building");
    model.setVersion("1.2.0");
    model.setBuild(new org.apache.maven.model.Build());
    model.getBuild().setDirectory(dir.resolve("target").toString());
    MavenProject project = new MavenProject(model);
    Path manifests = Files.createDirectories(dir.resolve("target/classes/META-INF/dyninka"));
    Files.writeString(manifests.resolve("smart-building.json"), APP.encode());
    return project;
  }

  BuildMojo buildMojo() throws Exception {
    BuildMojo mojo = new BuildMojo();
    mojo.project = project();
    mojo.classesDirectory = dir.resolve("target/classes").toFile();
    mojo.registry = "pom.example/acme";
    mojo.tag = "1.2.0";
    mojo.base = ImageSettings.DEFAULT_BASE;
    mojo.target = "registry";
    mojo.tarDirectory = dir.resolve("target/dyninka/images").toFile();
    mojo.user = "65532";
    mojo.port = 8080;
    mojo.creationTime = "2026-01-01T00:00:00Z";
    mojo.podman = "podman";
    mojo.dyninkaDirectory = dir.resolve("target/dyninka").toFile();
    return mojo;
  }

  static ImageSettings settings(BuildMojo mojo, Properties commandLine) throws Exception {
    mojo.applyCommandLine(commandLine);
    return mojo.settings();
  }

  @Test
  @DisplayName("-D properties on the command line beat the POM's configuration")
  void commandLineBeatsPom() throws Exception {
    Properties cli = new Properties();
    cli.setProperty("dyninka.image.registry", "127.0.0.1:5000");
    cli.setProperty("dyninka.image.target", "tar");
    cli.setProperty("dyninka.image.jvmFlags", "-Xmx64m, -XX:+UseSerialGC");
    ImageSettings settings = settings(buildMojo(), cli);
    assertThat(settings.registry()).isEqualTo("127.0.0.1:5000");
    assertThat(settings.target()).isEqualTo(ImageTarget.TAR);
    assertThat(settings.jvmFlags()).containsExactly("-Xmx64m", "-XX:+UseSerialGC");
    assertThat(settings.insecure()).as("a loopback registry speaks plain HTTP").isTrue();
    assertThat(settings.creationTime()).hasToString("2026-01-01T00:00:00Z");
  }

  @Test
  @DisplayName(
      "without -D properties the POM's configuration stands, with container JVM flags by default")
  void pomStands() throws Exception {
    ImageSettings settings = settings(buildMojo(), new Properties());
    assertThat(settings.registry()).isEqualTo("pom.example/acme");
    assertThat(settings.jvmFlags()).contains("-XX:MaxRAMPercentage=75");
    assertThat(settings.labels()).containsEntry("org.opencontainers.image.version", "1.2.0");
  }

  @Test
  @DisplayName("a bad setting is named in the error")
  void badSetting() throws Exception {
    Properties cli = new Properties();
    cli.setProperty("dyninka.image.target", "docker-hub");
    assertThatThrownBy(() -> settings(buildMojo(), cli))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("registry, tar or podman");
    cli.setProperty("dyninka.image.target", "tar");
    cli.setProperty("dyninka.image.user", "0");
    assertThatThrownBy(() -> settings(buildMojo(), cli)).hasMessageContaining("dyninka.image.user");
  }

  @Test
  @DisplayName(
      "dyninka:resources writes the Kubernetes, Marathon and podman files, which parse back")
  void resourcesWritesFiles() throws Exception {
    ResourcesMojo mojo = new ResourcesMojo();
    mojo.project = project();
    mojo.classesDirectory = dir.resolve("target/classes").toFile();
    mojo.registry = "127.0.0.1:5000";
    mojo.tag = "1.2.0";
    mojo.user = "65532";
    mojo.port = 8080;
    mojo.replicas = 1;
    mojo.requestsCpu = "100m";
    mojo.requestsMemory = "192Mi";
    mojo.limitsMemory = "256Mi";
    mojo.podmanBasePort = 9001;
    mojo.marathonCpus = 0.25;
    mojo.marathonMem = 256;
    mojo.marathonPeerUrl = "http://{app}-{kubeName}.marathon.l4lb.thisdcos.directory:80";
    mojo.dyninkaDirectory = dir.resolve("target/dyninka").toFile();

    mojo.execute();

    Path d = dir.resolve("target/dyninka");
    Object kube =
        Serialization.unmarshal(
            Files.newInputStream(ResourceFiles.kubernetes(d, "smart-building")));
    assertThat(kube).isNotNull();
    assertThat(Files.readString(ResourceFiles.kubernetes(d, "smart-building")))
        .contains(
            "kind: NetworkPolicy",
            "kind: Deployment",
            "image: 127.0.0.1:5000/smart-building-map:1.2.0");
    assertThat(
            new io.vertx.core.json.JsonObject(
                    Files.readString(ResourceFiles.marathon(d, "smart-building")))
                .getString("id"))
        .isEqualTo("/smart-building");
    assertThat(Files.readString(ResourceFiles.podman(d, "smart-building")))
        .contains("hostNetwork: true", "DYNINKA_PEERS");
    try (var files = Files.walk(d)) {
      assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".tmp"));
    }
  }

  ResourcesMojo resourcesMojo() throws Exception {
    ResourcesMojo mojo = new ResourcesMojo();
    mojo.project = project();
    mojo.classesDirectory = dir.resolve("target/classes").toFile();
    mojo.registry = "127.0.0.1:5000";
    mojo.tag = "1.2.0";
    mojo.user = "65532";
    mojo.port = 8080;
    mojo.replicas = 1;
    mojo.podmanBasePort = 9001;
    mojo.marathonPeerUrl = ResourceSettings.DEFAULT_MARATHON_PEER_URL;
    mojo.dyninkaDirectory = dir.resolve("target/dyninka").toFile();
    return mojo;
  }

  @Test
  @DisplayName(
      "the pom's <env> and <serviceEnv> and -Ddyninka.envFrom reach the written Deployments;"
          + " a service the app does not have is named")
  void operatorEnvironment() throws Exception {
    ResourcesMojo mojo = resourcesMojo();
    mojo.env = Map.of("DYNINKA_TOKEN", "s3cret");
    mojo.serviceEnv = Map.of("map", "LEVEL=map");
    Properties cli = new Properties();
    cli.setProperty("dyninka.envFrom", "secret:app-secrets");
    cli.setProperty("dyninka.sink.allowNamespaces", "ingress-nginx");
    mojo.applyCommandLine(cli);

    mojo.execute();

    Deployment map =
        deployments(dir.resolve("target/dyninka")).stream()
            .filter(d -> d.getMetadata().getName().equals("map"))
            .findFirst()
            .orElseThrow();
    var c = map.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getEnv())
        .extracting(e -> e.getName() + "=" + e.getValue())
        .contains("DYNINKA_TOKEN=s3cret", "LEVEL=map");
    assertThat(c.getEnvFrom().get(0).getSecretRef().getName()).isEqualTo("app-secrets");
    assertThat(
            Files.readString(
                ResourceFiles.kubernetes(dir.resolve("target/dyninka"), "smart-building")))
        .contains("kubernetes.io/metadata.name: ingress-nginx");

    mojo.serviceEnv = Map.of("mapp", "X=1");
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining(
            "<serviceEnv> names service 'mapp', which app smart-building does not have");
  }

  @Test
  @DisplayName(
      "-Ddyninka.colocate: a bad grouping fails naming the problem and writes nothing; a good one"
          + " writes a Deployment per group and says what stays split")
  void colocate() throws Exception {
    ResourcesMojo mojo = resourcesMojo();
    CapturingLog log = new CapturingLog();
    mojo.setLog(log);
    Properties cli = new Properties();
    cli.setProperty("dyninka.colocate", "get+filterTemprature");
    mojo.applyCommandLine(cli);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "-Ddyninka.colocate=get+filterTemprature cannot be placed: 'filterTemprature' is not a"
                + " service of app smart-building (did you mean 'filterTemperature'?)");
    assertThat(dir.resolve("target/dyninka/kubernetes")).doesNotExist();

    cli.setProperty("dyninka.colocate", "get+filterTemperature");
    mojo.applyCommandLine(cli);
    mojo.execute();

    assertThat(deployments(dir.resolve("target/dyninka")))
        .extracting(d -> d.getMetadata().getName())
        .containsExactly("get--filter-temperature", "map", "moving-avg");
    assertThat(log.infos)
        .contains("service 'map' is in no group of 'get+filterTemperature': it runs on its own");
    // the podman and Marathon files follow the same groups
    assertThat(Files.readString(dir.resolve("target/dyninka/podman/smart-building.yaml")))
        .contains("name: smart-building-get--filter-temperature")
        .contains("DYNINKA_GROUP")
        .doesNotContain("name: smart-building-get\n");
    assertThat(
            new io.vertx.core.json.JsonObject(
                    Files.readString(dir.resolve("target/dyninka/marathon/smart-building.json")))
                .getJsonArray("apps").stream()
                    .map(a -> ((io.vertx.core.json.JsonObject) a).getString("id")))
        .containsExactly(
            "/smart-building/get--filter-temperature",
            "/smart-building/map",
            "/smart-building/moving-avg");
  }

  @Test
  @DisplayName("images without a registry get a warning that says how a cluster could pull them")
  void noRegistryWarns() throws Exception {
    ResourcesMojo mojo = resourcesMojo();
    mojo.registry = "";
    CapturingLog log = new CapturingLog();
    mojo.setLog(log);

    mojo.execute();

    assertThat(log.warnings)
        .anyMatch(
            w ->
                w.startsWith(
                        "Images without a registry, which a cluster cannot pull: smart-building-get:1.2.0")
                    && w.contains("-Ddyninka.imagePullPolicy=Never"));
  }

  static List<Deployment> deployments(Path dyninka) throws Exception {
    String yaml = Files.readString(ResourceFiles.kubernetes(dyninka, "smart-building"));
    List<HasMetadata> objects = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---$")) {
      if (!doc.isBlank()) {
        objects.add(Serialization.unmarshal(doc));
      }
    }
    return objects.stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .toList();
  }

  @Test
  @DisplayName(
      "dyninka.image.user=uid:gid and dyninka.image.port reach the pods, as build takes them")
  void userAndPort() throws Exception {
    ResourcesMojo mojo = resourcesMojo();
    Properties cli = new Properties();
    cli.setProperty("dyninka.image.user", "65532:1000");
    cli.setProperty("dyninka.image.port", "9090");
    mojo.applyCommandLine(cli);
    mojo.execute();

    for (Deployment d : deployments(dir.resolve("target/dyninka"))) {
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
      assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(1000L);
      Container c = pod.getContainers().get(0);
      assertThat(c.getEnv())
          .anyMatch(e -> e.getName().equals("PORT") && e.getValue().equals("9090"));
      assertThat(c.getPorts())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.getContainerPort()).isEqualTo(9090);
                assertThat(p.getName()).isEqualTo("http");
              });
      assertThat(c.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }
  }

  @Test
  @DisplayName("the user and port images.json recorded win: the pods run the images as built")
  void recordedUserAndPort() throws Exception {
    Path dyninka = dir.resolve("target/dyninka");
    ImagesFile.write(
        ImagesFile.in(dyninka),
        "smart-building",
        List.of(
            new BuiltImage(
                "map",
                "127.0.0.1:5000/smart-building-map:1.2.0",
                "127.0.0.1:5000/smart-building-map",
                "sha256:" + "a".repeat(64),
                "sha256:" + "b".repeat(64),
                ImageTarget.REGISTRY)),
        ContainerUser.parse("70000:70001"),
        8181);
    resourcesMojo().execute();

    for (Deployment d : deployments(dyninka)) {
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(70000L);
      assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(70001L);
      assertThat(pod.getContainers().get(0).getPorts().get(0).getContainerPort()).isEqualTo(8181);
    }
  }

  @Test
  @DisplayName("the files under target/dyninka get the permissions of any file the umask allows")
  void filePermissions() throws Exception {
    resourcesMojo().execute();
    Path dyninka = dir.resolve("target/dyninka");
    Path plain = Files.writeString(dyninka.resolve("plain.txt"), "x");
    var expected = Files.getPosixFilePermissions(plain);
    assertThat(expected)
        .as("a umask that lets others read")
        .contains(PosixFilePermission.OTHERS_READ);
    assertThat(Files.getPosixFilePermissions(ResourceFiles.kubernetes(dyninka, "smart-building")))
        .isEqualTo(expected);
    ImagesFile.write(
        ImagesFile.in(dyninka), "smart-building", List.of(), ContainerUser.parse("65532"), 8080);
    assertThat(Files.getPosixFilePermissions(ImagesFile.in(dyninka))).isEqualTo(expected);
  }

  @Test
  @DisplayName("dyninka.image.user is one type for build and resources: 65532:65532 and not 0")
  void oneUserType() throws Exception {
    ResourcesMojo mojo = resourcesMojo();
    mojo.user = "0:0";
    assertThatThrownBy(mojo::execute).hasMessageContaining("dyninka.image.user=0");
    mojo.user = "nobody";
    assertThatThrownBy(mojo::execute).hasMessageContaining("must be numeric (dyninka.image.user)");
  }

  @Test
  @DisplayName(
      "dyninka:deploy of a grouping to podman goes on to podman: every target groups services")
  void colocateOnPodman() throws Exception {
    DeployMojo mojo = new DeployMojo();
    mojo.project = project();
    mojo.classesDirectory = dir.resolve("target/classes").toFile();
    mojo.target = "podman";
    mojo.podman = "podman-that-is-not-there";
    mojo.colocate = "all";
    mojo.tag = "1";
    mojo.replicas = 1;
    mojo.user = "65532";
    mojo.port = 8080;
    mojo.marathonPeerUrl = "x";
    mojo.dyninkaDirectory = dir.resolve("target/dyninka").toFile();
    // the grouping is no reason to refuse: the deploy goes on to podman itself
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("Cannot run podman-that-is-not-there")
        .hasMessageNotContaining("dyninka.colocate");
  }

  @Test
  @DisplayName("dyninka:deploy to the local target says to use dyninka:run")
  void localTarget() throws Exception {
    DeployMojo mojo = new DeployMojo();
    mojo.project = project();
    mojo.classesDirectory = dir.resolve("target/classes").toFile();
    mojo.target = "local";
    mojo.tag = "1";
    mojo.replicas = 1;
    mojo.user = "65532";
    mojo.port = 8080;
    mojo.marathonPeerUrl = "x";
    mojo.dyninkaDirectory = dir.resolve("target/dyninka").toFile();
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("mvn dyninka:run");
  }

  @Test
  @DisplayName("the build goal tells a missing manifest apart: run mvn package first")
  void noManifest() throws Exception {
    BuildMojo mojo = buildMojo();
    mojo.classesDirectory = new File(dir.toFile(), "nowhere");
    assertThatThrownBy(mojo::execute).hasMessageContaining("mvn package");
  }
}
