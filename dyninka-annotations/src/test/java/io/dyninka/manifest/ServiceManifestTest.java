package io.dyninka.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.ServiceManifest.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A service manifest")
class ServiceManifestTest {

  @Test
  @DisplayName("built with defaults has the kebab-case kube name and is stateless")
  void builderDefaults() {
    ServiceManifest service = ServiceManifest.builder("filterTemperature").build();

    assertThat(service.kubeName()).isEqualTo("filter-temperature");
    assertThat(service.mainClass()).isEqualTo("FilterTemperatureService");
    assertThat(service.inputs()).isEmpty();
    assertThat(service.kind()).isEqualTo(Kind.VALUE);
    assertThat(service.stateful()).isFalse();
  }

  @Test
  @DisplayName("with placed fields is stateful, and survives a JSON round trip unchanged")
  void builderRoundTrip() {
    ServiceManifest service =
        ServiceManifest.builder("join")
            .input("get", "double")
            .bodyInput("x.Order")
            .output("double")
            .kind(Kind.OPTIONAL)
            .placed("x.App#sum")
            .blocking(true)
            .idempotent(true)
            .build();

    assertThat(service.stateful()).isTrue();
    assertThat(service.upstreamInputs()).containsExactly(new InputManifest("get", "double"));
    assertThat(service.readsRequestBody()).isTrue();
    assertThat(ServiceManifest.fromJson(service.toJson())).isEqualTo(service);
  }

  @Test
  @DisplayName("of an app built by hand has the last service as its sink")
  void appOf() {
    AppManifest app =
        AppManifest.of(
            "two",
            "x.Two",
            ServiceManifest.builder("a").build(),
            ServiceManifest.builder("b").input("a", "java.lang.String").build());

    assertThat(app.sink()).isEqualTo("b");
    assertThat(app.downstreamOf("a")).extracting(ServiceManifest::name).containsExactly("b");
    assertThat(AppManifest.decode(app.encode())).isEqualTo(app);
  }

  @Test
  @DisplayName(
      "reads a manifest written before shares as sharing nothing, and writes shares only when set")
  void sharesAreAdditive() {
    ServiceManifest plain = ServiceManifest.builder("a").build();
    assertThat(plain.shares()).isEmpty();
    assertThat(plain.toJson().containsKey("shares")).isFalse();
    io.vertx.core.json.JsonObject old = plain.toJson();
    assertThat(ServiceManifest.fromJson(old).shares()).isEmpty();

    ServiceManifest sharer =
        ServiceManifest.builder("score").input("x", "int").input("y", "int").shares("v").build();
    assertThat(sharer.toJson().getJsonArray("shares").getList()).containsExactly("v");
    assertThat(ServiceManifest.fromJson(sharer.toJson())).isEqualTo(sharer);
  }
}
