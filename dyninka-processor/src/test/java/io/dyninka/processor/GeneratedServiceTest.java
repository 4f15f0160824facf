package io.dyninka.processor;

import static io.dyninka.processor.Compilations.compile;
import static io.dyninka.processor.Compilations.contents;
import static io.dyninka.processor.Compilations.generatedSource;
import static io.dyninka.processor.Compilations.good;
import static io.dyninka.processor.Compilations.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import io.dyninka.runtime.Arguments;
import io.dyninka.runtime.ServiceFunction;
import io.vertx.core.Future;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The generated service classes")
class GeneratedServiceTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "org/example/building/SmartBuilding.java",
        "org/example/shop/Shop.java",
        "org/example/types/Shapes.java",
        "org/example/forms/AssignedChain.java",
        "org/example/forms/StatementChain.java",
        "org/example/forms/StaticImportChain.java",
        "org/example/forms/QualifiedChain.java org/example/forms/Helpers.java"
            + " org/example/forms/lib/Library.java",
        "org/example/split/Pipeline.java org/example/split/Steps.java"
            + " org/example/split/Unrelated.java",
        "org/example/sources/SourceSteps.java"
      })
  @DisplayName("compile against dyninka-runtime without a warning under -Xlint:all")
  void compileCleanly(String paths) {
    JavaFileObject[] sources =
        Arrays.stream(paths.split(" ")).map(Compilations::good).toArray(JavaFileObject[]::new);
    Compilation compilation = compile(sources);
    CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles()).isNotEmpty();
  }

  @Test
  @DisplayName("look exactly like the golden source: a direct call, wired to ServiceHost.main")
  void golden() {
    Compilation compilation = compile(good("org/example/building/SmartBuilding.java"));
    assertThat(generatedSource(compilation, "org.example.building.SmartBuildingMovingAvgService"))
        .isEqualTo(contents(resource("golden/SmartBuildingMovingAvgService.java")));
  }

  @Test
  @DisplayName("pass each input with its declared (boxed or generic) type")
  void typedArguments() {
    Compilation compilation = compile(good("org/example/shop/Shop.java"));
    assertThat(generatedSource(compilation, "org.example.shop.ShopPriceService"))
        .contains("return Shop.price(in.<Shop.Order>get(0), in.<Map<String, Double>>get(1));")
        .contains("ServiceHost.main(\"shop\", \"price\", new ShopPriceService());");
    assertThat(generatedSource(compilation, "org.example.shop.ShopPricesService"))
        .contains("return Shop.priceList();")
        .contains("ServiceHost.main(\"shop\", \"prices\", new ShopPricesService());");
  }

  @Test
  @DisplayName("call a service of another package through its import")
  void otherPackage() {
    Compilation compilation =
        compile(
            good("org/example/forms/QualifiedChain.java"),
            good("org/example/forms/Helpers.java"),
            good("org/example/forms/lib/Library.java"));
    assertThat(generatedSource(compilation, "org.example.forms.QualifiedChainWhisperService"))
        .startsWith("package org.example.forms;")
        .contains("import org.example.forms.lib.Library;")
        .contains("return Library.whisper(in.<String>get(0));");
  }

  @Test
  @DisplayName("declare throws Exception only for a method that throws checked exceptions")
  void checkedExceptions() {
    Compilation compilation = compile(good("org/example/sources/SourceSteps.java"));
    assertThat(generatedSource(compilation, "org.example.sources.TicksDoubleItService"))
        .contains("public Object apply(Arguments in) throws Exception {");
    assertThat(generatedSource(compilation, "org.example.sources.TicksTickService"))
        .contains("public Object apply(Arguments in) {");
  }

  @Nested
  @DisplayName("really call the user's method")
  class Calls {
    private final Compilation compilation =
        compile(good("org/example/building/SmartBuilding.java"));
    private final ClassLoader loader = new CompiledClassLoader(compilation);

    private Object call(String service, Object... inputs) throws Exception {
      Class<?> type = loader.loadClass("org.example.building.SmartBuilding" + service + "Service");
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return ((ServiceFunction) constructor.newInstance()).apply(Arguments.of(inputs));
    }

    private Object reading(String kind, double value) throws Exception {
      return loader
          .loadClass("org.example.building.SmartBuilding$Reading")
          .getConstructor(String.class, String.class, double.class)
          .newInstance("s1", kind, value);
    }

    @Test
    @DisplayName("and return what it returns: a value, an Optional, a Future")
    void returnsAsIs() throws Exception {
      assertThat(call("Map", reading("temperature", 21.5))).isEqualTo(21.5);
      assertThat(call("FilterTemperature", reading("humidity", 40))).isEqualTo(Optional.empty());
      assertThat(call("FilterTemperature", reading("temperature", 20)))
          .isEqualTo(Optional.of(reading("temperature", 20)));
      Object future = call("Get");
      assertThat(future).isInstanceOf(Future.class);
      assertThat(((Future<?>) future).result()).isEqualTo(reading("temperature", 21.5));
    }

    @Test
    @DisplayName("whose @Placed state lives on between calls in the service's JVM")
    void keepsState() throws Exception {
      assertThat(call("MovingAvg", 10.0)).hasToString("Average[value=10.0, count=1]");
      assertThat(call("MovingAvg", 20.0)).hasToString("Average[value=15.0, count=2]");
    }
  }
}
