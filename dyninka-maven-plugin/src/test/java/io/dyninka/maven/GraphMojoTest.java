package io.dyninka.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphMojoTest {

  @TempDir Path dir;

  private GraphMojo mojo(CapturingLog log) throws Exception {
    GraphMojo mojo = new GraphMojo();
    mojo.classesDirectory =
        io.dyninka.maven.testing.Manifests.write(
                dir.resolve("classes"),
                io.dyninka.maven.testing.Manifests.chain(
                    "shop", List.of("get", "sum"), List.of(Object.class, Object.class)))
            .toFile();
    mojo.outputDirectory = dir.resolve("target/dyninka").toFile();
    mojo.setLog(log);
    return mojo;
  }

  @Test
  @DisplayName("writes <app>.mmd and <app>.svg and says where")
  void writesGraph() throws Exception {
    CapturingLog log = new CapturingLog();

    mojo(log).execute();

    Path mmd = dir.resolve("target/dyninka/shop.mmd");
    Path svg = dir.resolve("target/dyninka/shop.svg");
    assertThat(mmd).content().contains("flowchart LR", "s0 -->|\"String\"| s1");
    assertThat(svg).content().startsWith("<?xml").contains("data-name=\"sum\"");
    assertThat(log.infos).containsExactly("Wrote " + mmd, "Wrote " + svg);
  }

  @Test
  @DisplayName("writes nothing when skipped")
  void skip() throws Exception {
    GraphMojo mojo = mojo(new CapturingLog());
    mojo.skipGraph = true;

    mojo.execute();

    assertThat(dir.resolve("target")).doesNotExist();
  }

  @Test
  @DisplayName(
      "-Ddyninka.colocate draws the group in both files; a bad grouping fails and writes nothing")
  void colocate() throws Exception {
    CapturingLog log = new CapturingLog();
    GraphMojo mojo = mojo(log);
    mojo.colocate = "get+sun";

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("'sun' is not a service of app shop (did you mean 'sum'?)");
    assertThat(dir.resolve("target")).doesNotExist();

    mojo.colocate = "all";
    mojo.execute();

    assertThat(dir.resolve("target/dyninka/shop.mmd"))
        .content()
        .contains("  subgraph group0[\"get+sum\"]\n    s0[", "  end\n");
    assertThat(dir.resolve("target/dyninka/shop.svg"))
        .content()
        .contains("<g class=\"group\" data-group=\"get+sum\">");
  }
}
