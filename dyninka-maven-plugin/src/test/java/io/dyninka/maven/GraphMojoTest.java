package io.dyninka.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
}
