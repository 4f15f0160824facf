package io.dyninka.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The generated plugin descriptor, which is what Maven reads, for the goals that ship an app. */
class ShipDescriptorTest {

  static Element mojo(String goal) throws Exception {
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
    NodeList mojos = doc.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element m = (Element) mojos.item(i);
      if (goal.equals(child(m, "goal"))) {
        return m;
      }
    }
    throw new AssertionError("no goal " + goal);
  }

  static String child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        return c.getTextContent();
      }
    }
    return null;
  }

  @ParameterizedTest
  @ValueSource(strings = {"build", "resources", "deploy", "undeploy", "base-image"})
  @DisplayName("every user-settable parameter has a dyninka.* property and a description")
  void documentedParameters(String goal) throws Exception {
    Element mojo = mojo(goal);
    assertThat(child(mojo, "description")).isNotBlank();
    Map<String, String> expressions = new LinkedHashMap<>();
    NodeList config =
        ((Element) mojo.getElementsByTagName("configuration").item(0)).getChildNodes();
    for (int i = 0; i < config.getLength(); i++) {
      if (config.item(i) instanceof Element e) {
        expressions.put(e.getTagName(), e.getTextContent());
      }
    }
    List<String> undocumented = new ArrayList<>();
    NodeList parameters = mojo.getElementsByTagName("parameter");
    for (int i = 0; i < parameters.getLength(); i++) {
      Element p = (Element) parameters.item(i);
      if ("true".equals(child(p, "editable"))) {
        String name = child(p, "name");
        if ("java.util.Map".equals(child(p, "type"))) {
          // Maven cannot set a map from the command line: <env>, <serviceEnv>, <serviceEnvFrom>
          // are pom-only (dyninka.env and dyninka.envFrom are their command-line side).
          if (child(p, "description") == null || child(p, "description").isBlank()) {
            undocumented.add(name);
          }
          continue;
        }
        assertThat(expressions.get(name))
            .as(goal + " " + name)
            .matches(".*\\$\\{dyninka\\.[^}]+}.*");
        if (child(p, "description") == null || child(p, "description").isBlank()) {
          undocumented.add(name);
        }
      }
    }
    assertThat(undocumented).as("parameters of " + goal + " without Javadoc").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"build"})
  @DisplayName("build resolves the runtime class path, which becomes the images' dependency layers")
  void buildResolvesRuntime(String goal) throws Exception {
    assertThat(child(mojo(goal), "requiresDependencyResolution")).isEqualTo("runtime");
  }
}
