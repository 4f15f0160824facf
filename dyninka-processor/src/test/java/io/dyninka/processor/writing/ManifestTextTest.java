package io.dyninka.processor.writing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.InputManifest;
import io.dyninka.manifest.ServiceManifest;
import io.dyninka.manifest.ServiceManifest.Kind;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The manifest text the processor writes")
class ManifestTextTest {

  @Test
  @DisplayName("is byte for byte what AppManifest.encode writes, with and without shares")
  void sameAsEncode() {
    AppManifest manifest =
        new AppManifest(
            "shop",
            "org.example.shop.Shop",
            List.of(
                new ServiceManifest(
                    "get",
                    "get",
                    "org.example.shop.ShopGetService",
                    List.of(),
                    "java.util.List<org.example.shop.Shop$Order>",
                    Kind.ASYNC,
                    List.of(),
                    false,
                    false,
                    true),
                new ServiceManifest(
                    "join",
                    "join",
                    "org.example.shop.ShopJoinService",
                    List.of(new InputManifest("get", "[D"), new InputManifest(null, "double")),
                    "double",
                    Kind.OPTIONAL,
                    List.of("org.example.shop.Shop#sum", "org.example.shop.Shop#count"),
                    true,
                    true,
                    false,
                    List.of("get", "other"))),
            "join");

    assertThat(ManifestText.of(manifest)).isEqualTo(manifest.encode());
  }

  @Test
  @DisplayName("escapes what JSON must escape, as Jackson does")
  void escapes() {
    String odd = "a\"b\\c\nd\te\u0001f\u00e9/<x>";
    AppManifest manifest =
        new AppManifest(
            odd,
            odd,
            List.of(
                new ServiceManifest(
                    odd,
                    odd,
                    odd,
                    List.of(new InputManifest(odd, odd)),
                    odd,
                    Kind.VALUE,
                    List.of(odd),
                    false,
                    false,
                    false)),
            odd);

    assertThat(ManifestText.of(manifest)).isEqualTo(manifest.encode());
  }
}
