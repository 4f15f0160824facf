package io.dyninka.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DYNINKA_PEERS")
class PeerAddressesTest {

  @Test
  @DisplayName("is written as name=url|url,other=url, and read back as written")
  void roundTrip() {
    Map<String, List<String>> peers = new LinkedHashMap<>();
    peers.put("get", List.of("http://127.0.0.1:9001", "http://127.0.0.1:9011"));
    peers.put("map", List.of("http://map:80"));

    String spec = PeerAddresses.encode(peers);

    assertThat(spec).isEqualTo("get=http://127.0.0.1:9001|http://127.0.0.1:9011,map=http://map:80");
    assertThat(PeerAddresses.parse(spec))
        .containsExactly(
            Map.entry(
                "get",
                List.of(URI.create("http://127.0.0.1:9001"), URI.create("http://127.0.0.1:9011"))),
            Map.entry("map", List.of(URI.create("http://map:80"))));
  }

  @Test
  @DisplayName("cannot be written with a name or URL its format cannot carry")
  void encodeRefuses() {
    assertThatThrownBy(() -> PeerAddresses.encode(Map.of("a,b", List.of("http://h:1"))))
        .hasMessageContaining("cannot name a service 'a,b'");
    assertThatThrownBy(() -> PeerAddresses.encode(Map.of("a", List.of())))
        .hasMessageContaining("at least one URL for 'a'");
    assertThatThrownBy(() -> PeerAddresses.encode(Map.of("a", List.of("ftp://h:1"))))
        .hasMessageContaining(
            "entry 'a=ftp://h:1' needs http://host:port or https://host:port URLs");
    assertThat(PeerAddresses.encode(Map.of("a", List.of("https://h:1"))))
        .isEqualTo("a=https://h:1");
  }

  @Test
  @DisplayName("is refused when an entry is not NAME=URL")
  void parseRefuses() {
    assertThat(PeerAddresses.parse(null)).isEmpty();
    assertThatThrownBy(() -> PeerAddresses.parse("http://h:1"))
        .hasMessage("DYNINKA_PEERS entry 'http://h:1' is not NAME=URL");
    assertThatThrownBy(() -> PeerAddresses.parse("a=h:1"))
        .hasMessage("DYNINKA_PEERS entry 'a=h:1' needs http://host:port or https://host:port URLs");
  }
}
