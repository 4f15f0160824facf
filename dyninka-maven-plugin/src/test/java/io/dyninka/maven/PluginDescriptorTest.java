package io.dyninka.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads the descriptor that maven-plugin-plugin generated (at process-classes, before the tests),
 * since it, not the annotations, is what Maven reads.
 */
class PluginDescriptorTest {

  private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

  @Test
  @DisplayName("has goal prefix dyninka")
  void prefix() throws Exception {
    assertThat(text(descriptor().getDocumentElement(), "goalPrefix")).isEqualTo("dyninka");
  }

  @Test
  @DisplayName("declares dyninka:run with its parameters, properties and defaults")
  void run() throws Exception {
    Element run = mojo("run");

    assertThat(text(run, "requiresDependencyResolution")).isEqualTo("runtime");
    assertThat(text(run, "executePhase")).isEqualTo("process-classes");
    Map<String, String> expressions = expressions(run);
    assertThat(expressions)
        .containsEntry("environmentVariables", "${dyninka.run.environment}")
        .containsEntry("jvmFlags", "${dyninka.run.jvmFlags}")
        .containsEntry("defaultJvmFlags", "${dyninka.run.defaultJvmFlags}")
        .containsEntry("readinessTimeout", "${dyninka.run.readinessTimeout}")
        .containsEntry("duration", "${dyninka.run.duration}")
        .containsEntry("skipRun", "${dyninka.run.skip}")
        .containsEntry("skip", "${dyninka.skip}")
        .containsEntry("app", "${dyninka.app}");
    assertThat(defaults(run))
        .containsEntry("readinessTimeout", "60")
        .containsEntry("duration", "0")
        .containsEntry("defaultJvmFlags", "true");
    assertEveryParameterIsDocumented(
        run,
        "environment",
        "environmentVariables",
        "jvmFlags",
        "defaultJvmFlags",
        "readinessTimeout",
        "duration",
        "skipRun");
  }

  @Test
  @DisplayName("declares dyninka:graph with its parameters")
  void graph() throws Exception {
    Element graph = mojo("graph");

    assertThat(text(graph, "phase")).isEqualTo("process-classes");
    assertThat(expressions(graph))
        .containsEntry("outputDirectory", "${dyninka.graph.outputDirectory}")
        .containsEntry("skipGraph", "${dyninka.graph.skip}");
    assertThat(defaults(graph))
        .containsEntry("outputDirectory", "${project.build.directory}/dyninka");
    assertEveryParameterIsDocumented(graph, "outputDirectory", "skipGraph");
  }

  private static Document descriptor() throws Exception {
    assertThat(DESCRIPTOR)
        .as("run 'mvn package' (or test) so maven-plugin-plugin writes it")
        .exists();
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(Files.newInputStream(DESCRIPTOR));
  }

  private static Element mojo(String goal) throws Exception {
    NodeList mojos = descriptor().getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      if (goal.equals(text(mojo, "goal"))) {
        return mojo;
      }
    }
    throw new AssertionError("no goal " + goal + " in " + DESCRIPTOR);
  }

  /** Parameter name to its {@code ${property}}, from the mojo's {@code <configuration>}. */
  private static Map<String, String> expressions(Element mojo) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Element entry : children(child(mojo, "configuration"))) {
      result.put(entry.getTagName(), entry.getTextContent().strip());
    }
    return result;
  }

  private static Map<String, String> defaults(Element mojo) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Element entry : children(child(mojo, "configuration"))) {
      if (entry.hasAttribute("default-value")) {
        result.put(entry.getTagName(), entry.getAttribute("default-value"));
      }
    }
    return result;
  }

  private static void assertEveryParameterIsDocumented(Element mojo, String... names) {
    Map<String, String> descriptions = new LinkedHashMap<>();
    for (Element parameter : children(child(mojo, "parameters"))) {
      descriptions.put(text(parameter, "name"), text(parameter, "description"));
    }
    for (String name : names) {
      assertThat(descriptions.get(name)).as("description of %s", name).isNotBlank();
    }
  }

  private static Element child(Element parent, String name) {
    return children(parent).stream()
        .filter(e -> e.getTagName().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">"));
  }

  private static List<Element> children(Element parent) {
    List<Element> result = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        result.add((Element) nodes.item(i));
      }
    }
    return result;
  }

  private static String text(Element parent, String name) {
    return children(parent).stream()
        .filter(e -> e.getTagName().equals(name))
        .map(e -> e.getTextContent().strip())
        .findFirst()
        .orElse(null);
  }
}
