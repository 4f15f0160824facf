package io.dyninka.processor;

import static io.dyninka.processor.Compilations.compile;
import static io.dyninka.processor.Compilations.good;
import static io.dyninka.processor.Compilations.manifest;
import static io.dyninka.processor.Compilations.manifestText;
import static io.dyninka.processor.Compilations.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.type.TypeFactory;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.manifest.ServiceManifest.Kind;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The app manifest")
class ManifestTest {

  private static ServiceManifest service(AppManifest app, String name) {
    return app.service(name).orElseThrow(() -> new AssertionError("no service " + name));
  }

  private static List<String> names(AppManifest app) {
    return app.services().stream().map(ServiceManifest::name).toList();
  }

  @Nested
  @DisplayName("of the paper's smart building")
  class SmartBuilding {
    private final AppManifest app =
        manifest(compile(good("org/example/building/SmartBuilding.java")), "smart-building");

    @Test
    @DisplayName("names the app after its class and the sink after the last step")
    void appFields() {
      assertThat(app.app()).isEqualTo("smart-building");
      assertThat(app.source()).isEqualTo("org.example.building.SmartBuilding");
      assertThat(app.sink()).isEqualTo("movingAvg");
      assertThat(names(app)).containsExactly("get", "filterTemperature", "map", "movingAvg");
    }

    @Test
    @DisplayName("describes every service, with kinds, binary type names and placed state")
    void services() {
      String reading = "org.example.building.SmartBuilding$Reading";
      assertThat(service(app, "get"))
          .isEqualTo(
              new ServiceManifest(
                  "get",
                  "get",
                  "org.example.building.SmartBuildingGetService",
                  List.of(),
                  reading,
                  Kind.ASYNC,
                  List.of(),
                  false,
                  false,
                  false));
      assertThat(service(app, "filterTemperature"))
          .isEqualTo(
              new ServiceManifest(
                  "filterTemperature",
                  "filter-temperature",
                  "org.example.building.SmartBuildingFilterTemperatureService",
                  List.of(new InputManifest("get", reading)),
                  reading,
                  Kind.OPTIONAL,
                  List.of(),
                  false,
                  false,
                  false));
      assertThat(service(app, "map").inputs())
          .containsExactly(new InputManifest("filterTemperature", reading));
      assertThat(service(app, "map").output()).isEqualTo("double");
      assertThat(service(app, "movingAvg"))
          .isEqualTo(
              new ServiceManifest(
                  "movingAvg",
                  "moving-avg",
                  "org.example.building.SmartBuildingMovingAvgService",
                  List.of(new InputManifest("map", "double")),
                  "org.example.building.SmartBuilding$Average",
                  Kind.VALUE,
                  List.of(
                      "org.example.building.SmartBuilding#average",
                      "org.example.building.SmartBuilding#count"),
                  true,
                  false,
                  false));
    }

    @Test
    @DisplayName("is pretty JSON with a final newline, as AppManifest.encode writes it")
    void encoding() {
      String text =
          manifestText(compile(good("org/example/building/SmartBuilding.java")), "smart-building");
      assertThat(text).isEqualTo(AppManifest.decode(text).encode());
    }
  }

  @Nested
  @DisplayName("of a shop with a request body, a filter, a fan-in, state and a blocking step")
  class Shop {
    private final AppManifest app = manifest(compile(good("org/example/shop/Shop.java")), "shop");

    @Test
    @DisplayName("lists the services in data order: both zip branches before the zip")
    void order() {
      assertThat(app.app()).isEqualTo("shop");
      assertThat(app.source()).isEqualTo("org.example.shop.Shop");
      assertThat(names(app)).containsExactly("validate", "prices", "price", "receipt", "archive");
      assertThat(app.sink()).isEqualTo("archive");
    }

    @Test
    @DisplayName("feeds the head from the request body (from: null)")
    void requestBody() {
      ServiceManifest validate = service(app, "validate");
      assertThat(validate.inputs())
          .containsExactly(new InputManifest(null, "org.example.shop.Shop$Order"));
      assertThat(validate.readsRequestBody()).isTrue();
      assertThat(validate.kind()).isEqualTo(Kind.OPTIONAL);
      assertThat(validate.output()).isEqualTo("org.example.shop.Shop$Order");
      assertThat(validate.mainClass()).isEqualTo("org.example.shop.ShopValidateService");
    }

    @Test
    @DisplayName("names a service by @Service(name) and unwraps its Future")
    void namedAsyncSource() {
      ServiceManifest prices = service(app, "prices");
      assertThat(prices.kubeName()).isEqualTo("prices");
      assertThat(prices.mainClass()).isEqualTo("org.example.shop.ShopPricesService");
      assertThat(prices.inputs()).isEmpty();
      assertThat(prices.kind()).isEqualTo(Kind.ASYNC);
      assertThat(prices.output()).isEqualTo("java.util.Map<java.lang.String,java.lang.Double>");
    }

    @Test
    @DisplayName("gives the zip function one input per branch, in parameter order")
    void fanIn() {
      ServiceManifest price = service(app, "price");
      assertThat(price.inputs())
          .containsExactly(
              new InputManifest("validate", "org.example.shop.Shop$Order"),
              new InputManifest("prices", "java.util.Map<java.lang.String,java.lang.Double>"));
      assertThat(price.output()).isEqualTo("org.example.shop.Shop$Priced");
      assertThat(price.kind()).isEqualTo(Kind.VALUE);
      assertThat(app.downstreamOf("validate"))
          .extracting(ServiceManifest::name)
          .containsExactly("price");
      assertThat(app.downstreamOf("prices"))
          .extracting(ServiceManifest::name)
          .containsExactly("price");
    }

    @Test
    @DisplayName("marks the owner of @Placed state stateful, and only it")
    void placedState() {
      ServiceManifest receipt = service(app, "receipt");
      assertThat(receipt.placed()).containsExactly("org.example.shop.Shop#issued");
      assertThat(receipt.stateful()).isTrue();
      assertThat(app.services().stream().filter(ServiceManifest::stateful))
          .extracting(ServiceManifest::name)
          .containsExactly("receipt");
    }

    @Test
    @DisplayName("marks @Service(blocking = true)")
    void blocking() {
      ServiceManifest archive = service(app, "archive");
      assertThat(archive.blocking()).isTrue();
      assertThat(archive.output()).isEqualTo("java.util.List<org.example.shop.Shop$Receipt>");
      assertThat(archive.inputs())
          .containsExactly(new InputManifest("receipt", "org.example.shop.Shop$Receipt"));
      assertThat(app.services().stream().filter(ServiceManifest::blocking))
          .extracting(ServiceManifest::name)
          .containsExactly("archive");
    }
  }

  @Nested
  @DisplayName("names types the way Jackson's TypeFactory.constructFromCanonical loads them")
  class TypeNames {
    private final AppManifest app =
        manifest(compile(good("org/example/types/Shapes.java")), "shapes");

    @Test
    @DisplayName("arrays in JVM form, nested classes by binary name, wildcards by their bound")
    void typeStrings() {
      assertThat(service(app, "samples").output()).isEqualTo("[D");
      assertThat(service(app, "points").output()).isEqualTo("[Lorg.example.types.Shapes$Point;");
      assertThat(service(app, "listed").output())
          .isEqualTo("java.util.List<org.example.types.Shapes$Point>");
      assertThat(service(app, "grouped").inputs().get(0).type())
          .isEqualTo("java.util.List<org.example.types.Shapes$Point>");
      assertThat(service(app, "grouped").output())
          .isEqualTo(
              "java.util.Map<java.lang.String,java.util.List<org.example.types.Shapes$Point>>");
      assertThat(service(app, "json").output()).isEqualTo("io.vertx.core.json.JsonObject");
      assertThat(service(app, "anything").output()).isEqualTo("java.lang.Object");
    }

    @Test
    @DisplayName("so that every input and output type of the apps loads")
    void loadable() {
      Compilation compilation =
          compile(
              good("org/example/types/Shapes.java"),
              good("org/example/shop/Shop.java"),
              good("org/example/building/SmartBuilding.java"));
      TypeFactory types =
          TypeFactory.defaultInstance().withClassLoader(new CompiledClassLoader(compilation));
      for (String name : List.of("shapes", "shop", "smart-building")) {
        for (ServiceManifest service : manifest(compilation, name).services()) {
          assertThat(types.constructFromCanonical(service.output()).toCanonical())
              .isEqualTo(service.output());
          for (InputManifest input : service.inputs()) {
            assertThat(types.constructFromCanonical(input.type()).toCanonical())
                .isEqualTo(input.type());
          }
        }
      }
    }
  }

  @Nested
  @DisplayName("reads the chain however the method body holds it")
  class ChainForms {
    @Test
    @DisplayName("assigned to a local")
    void assigned() {
      AppManifest app =
          manifest(compile(good("org/example/forms/AssignedChain.java")), "assigned-chain");
      assertThat(names(app)).containsExactly("one", "twice");
      assertThat(service(app, "twice").inputs()).containsExactly(new InputManifest("one", "int"));
    }

    @Test
    @DisplayName("as an expression statement")
    void statement() {
      AppManifest app =
          manifest(compile(good("org/example/forms/StatementChain.java")), "statement-chain");
      assertThat(names(app)).containsExactly("one", "twice");
    }

    @Test
    @DisplayName("with Flow's factories statically imported, zip and input included")
    void staticImports() {
      AppManifest app =
          manifest(
              compile(good("org/example/forms/StaticImportChain.java")), "static-import-chain");
      assertThat(names(app)).containsExactly("one", "add");
      assertThat(service(app, "add").inputs())
          .containsExactly(new InputManifest(null, "int"), new InputManifest("one", "int"));
    }

    @Test
    @DisplayName("with qualified names, nested classes, package classes and imported classes")
    void qualifiedNames() {
      Compilation compilation =
          compile(
              good("org/example/forms/QualifiedChain.java"),
              good("org/example/forms/Helpers.java"),
              good("org/example/forms/lib/Library.java"));
      AppManifest app = manifest(compilation, "qualified-chain");
      assertThat(names(app)).containsExactly("start", "upper", "shout", "whisper");
      assertThat(service(app, "whisper").mainClass())
          .isEqualTo("org.example.forms.QualifiedChainWhisperService");
    }
  }

  @Nested
  @DisplayName("of @Dataflow(steps)")
  class Steps {
    @Test
    @DisplayName("is the manifest of the equivalent chain, byte for byte")
    void sameAsChain() {
      Compilation chain = compile(resource("steps/chain/org/example/relay/Relay.java"));
      Compilation named = compile(resource("steps/named/org/example/relay/Relay.java"));
      CompilationSubject.assertThat(chain).succeededWithoutWarnings();
      CompilationSubject.assertThat(named).succeededWithoutWarnings();

      assertThat(manifestText(named, "relay")).isEqualTo(manifestText(chain, "relay"));
      AppManifest app = manifest(named, "relay");
      assertThat(names(app)).containsExactly("parse", "positive", "square");
      assertThat(service(app, "parse").inputs())
          .containsExactly(new InputManifest(null, "java.lang.String"));
      assertThat(service(app, "positive").kind()).isEqualTo(Kind.OPTIONAL);
      assertThat(service(app, "square").kind()).isEqualTo(Kind.ASYNC);
    }

    @Test
    @DisplayName("takes a first step without parameters as the source, and marks idempotence")
    void sourceHead() {
      AppManifest app = manifest(compile(good("org/example/sources/SourceSteps.java")), "ticks");
      assertThat(names(app)).containsExactly("tick", "double-it");
      assertThat(service(app, "tick").inputs()).isEmpty();
      assertThat(service(app, "tick").kind()).isEqualTo(Kind.ASYNC);
      assertThat(service(app, "tick").idempotent()).isTrue();
      assertThat(service(app, "double-it").idempotent()).isFalse();
      assertThat(service(app, "double-it").kubeName()).isEqualTo("double-it");
      assertThat(service(app, "double-it").mainClass())
          .isEqualTo("org.example.sources.TicksDoubleItService");
      assertThat(service(app, "double-it").inputs())
          .containsExactly(new InputManifest("tick", "int"));
    }
  }
}
