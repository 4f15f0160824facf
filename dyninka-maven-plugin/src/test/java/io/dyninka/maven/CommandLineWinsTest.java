package io.dyninka.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code dyninka.*} parameter of every goal, as the generated plugin.xml declares it: a
 * {@code -D} property beats a value configured in the POM.
 */
class CommandLineWinsTest {

  private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

  @TestFactory
  @DisplayName("a -D property beats the POM, for every dyninka.* parameter of every goal")
  Stream<DynamicTest> commandLineWins() throws Exception {
    List<MojoDescriptor> goals;
    try (var reader =
        new InputStreamReader(Files.newInputStream(DESCRIPTOR), StandardCharsets.UTF_8)) {
      goals = new PluginDescriptorBuilder().build(reader).getMojos();
    }
    assertThat(goals).extracting(MojoDescriptor::getGoal).contains("build", "deploy", "undeploy");
    List<DynamicTest> tests = new ArrayList<>();
    for (MojoDescriptor goal : goals) {
      List<Parameter> parameters = CommandLineOverrides.parameters(goal);
      assertThat(parameters).as("dyninka.* parameters of %s", goal.getGoal()).isNotEmpty();
      for (Parameter parameter : parameters) {
        String property = CommandLineOverrides.property(parameter);
        tests.add(
            DynamicTest.dynamicTest(
                goal.getGoal() + " " + property,
                () -> assertCommandLineWins(goal, parameter.getName(), property)));
      }
    }
    return tests.stream();
  }

  private static void assertCommandLineWins(MojoDescriptor goal, String name, String property)
      throws Exception {
    Object mojo = Class.forName(goal.getImplementation()).getDeclaredConstructor().newInstance();
    Field field = field(mojo.getClass(), name);
    Object fromPom = pomValue(field.getType());
    Object fromCommandLine = commandLineValue(field.getType());
    field.set(mojo, fromPom);
    Properties commandLine = new Properties();
    commandLine.setProperty(property, text(fromCommandLine));

    apply(mojo, commandLine);

    assertThat(field.get(mojo)).as("-D%s", property).isEqualTo(fromCommandLine);
  }

  @Test
  @DisplayName("a -D value of the wrong type names the property")
  void wrongType() {
    DeployMojo mojo = new DeployMojo();
    Properties commandLine = new Properties();
    commandLine.setProperty("dyninka.deploy.timeout", "soon");
    assertThatThrownBy(() -> mojo.applyCommandLine(commandLine))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("-Ddyninka.deploy.timeout=soon is not a whole number");
    commandLine.setProperty("dyninka.deploy.timeout", "5");
    commandLine.setProperty("dyninka.image.insecure", "yes");
    assertThatThrownBy(() -> mojo.applyCommandLine(commandLine))
        .hasMessage("-Ddyninka.image.insecure=yes must be true or false");
  }

  @Test
  @DisplayName("-Dflag alone means true, as Maven's own -DskipTests does")
  void bareFlag() throws Exception {
    DeployMojo mojo = new DeployMojo();
    Properties commandLine = new Properties();
    commandLine.setProperty("dyninka.deploy.skip", "");
    mojo.applyCommandLine(commandLine);
    assertThat(mojo.skipDeploy).isTrue();
  }

  private static void apply(Object mojo, Properties commandLine) throws Exception {
    if (mojo instanceof AbstractDyninkaMojo goal) {
      goal.applyCommandLine(commandLine);
    } else if (mojo instanceof BaseImageMojo goal) {
      goal.applyCommandLine(commandLine);
    } else {
      throw new AssertionError("a goal that does not let the command line win: " + mojo);
    }
  }

  private static Object pomValue(Class<?> type) {
    if (type == String.class) return "from-pom";
    if (type == int.class) return 7;
    if (type == long.class) return 7L;
    if (type == double.class) return 0.5;
    if (type == boolean.class) return false;
    if (type == File.class) return new File("/from/pom");
    throw new AssertionError("no POM value for " + type);
  }

  private static Object commandLineValue(Class<?> type) {
    if (type == String.class) return "from-command-line";
    if (type == int.class) return 4242;
    if (type == long.class) return 4242L;
    if (type == double.class) return 1.5;
    if (type == boolean.class) return true;
    if (type == File.class) return new File("/from/command-line");
    throw new AssertionError("no command line value for " + type);
  }

  private static String text(Object value) {
    return value instanceof File f ? f.getPath() : String.valueOf(value);
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    throw new NoSuchFieldException(name);
  }
}
