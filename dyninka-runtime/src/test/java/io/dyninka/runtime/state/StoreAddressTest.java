package io.dyninka.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The DYNINKA_STATE_STORE address")
class StoreAddressTest {

  @Test
  @DisplayName("takes redis:// and rediss:// with a database, shown without its password")
  void valid() {
    assertThat(StoreAddress.parse("redis://store:6379", null).display())
        .isEqualTo("redis://store:6379");
    assertThat(StoreAddress.parse("rediss://:s3cret@store:6380/2", null).display())
        .isEqualTo("rediss://store:6380/2");
  }

  @Test
  @DisplayName("takes the password from the URL's userinfo, or from its own setting first")
  void password() {
    assertThat(StoreAddress.parse("redis://user:fromurl@store:6379", null).options().getPassword())
        .isEqualTo("fromurl");
    assertThat(StoreAddress.parse("redis://:fromurl@store:6379", "fromenv").options().getPassword())
        .isEqualTo("fromenv");
    assertThat(StoreAddress.parse("redis://store:6379", null).options().getPassword()).isNull();
  }

  @Test
  @DisplayName("refuses another scheme, a missing port or a path that is not a database, by name")
  void invalid() {
    assertThatThrownBy(() -> StoreAddress.parse("http://store:6379", null))
        .hasMessageContaining("DYNINKA_STATE_STORE")
        .hasMessageContaining("redis:// or rediss://");
    assertThatThrownBy(() -> StoreAddress.parse("redis://store", null))
        .hasMessageContaining("a host and a port");
    assertThatThrownBy(() -> StoreAddress.parse("redis://store:6379/orders", null))
        .hasMessageContaining("database number");
  }

  @Test
  @DisplayName("never repeats a password in its error")
  void redacted() {
    assertThatThrownBy(() -> StoreAddress.parse("redis://:s3cret@store", null))
        .hasMessageNotContaining("s3cret");
  }
}
