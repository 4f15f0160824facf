package io.dyninka.maven.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.maven.image.BuiltImage;
import io.dyninka.maven.image.ImageTarget;
import io.dyninka.maven.resources.MarathonResources;
import io.dyninka.maven.resources.ResourceSettings;
import io.dyninka.maven.testing.Manifests;
import io.dyninka.maven.testing.Settings;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MarathonDeployerTest {

  static final AppManifest APP = Manifests.smartBuilding();
  FakeMarathon marathon;
  final List<String> log = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    marathon = new FakeMarathon();
  }

  @AfterEach
  void stop() {
    marathon.close();
  }

  MarathonDeployer deployer(Duration timeout) {
    return new MarathonDeployer(marathon.url(), timeout, Duration.ofMillis(20), log::add);
  }

  static JsonObject group(Map<String, String> digests) {
    Map<String, BuiltImage> images = new LinkedHashMap<>();
    APP.services()
        .forEach(
            s ->
                images.put(
                    s.name(),
                    new BuiltImage(
                        s.name(),
                        "reg/smart-building-" + s.kubeName() + ":1",
                        "reg/smart-building-" + s.kubeName(),
                        digests.getOrDefault(s.name(), "sha256:" + "1".repeat(64)),
                        "sha256:0",
                        ImageTarget.REGISTRY)));
    return MarathonResources.group(
        APP,
        ResourceSettings.builder().registry("reg").tag("1").images(images).version("1").build());
  }

  @Test
  @DisplayName("a new app group is POSTed whole and the deploy waits until every app is healthy")
  void createsGroup() throws Exception {
    DeployResult result = deployer(Duration.ofSeconds(10)).deploy(group(Map.of()));

    assertThat(marathon.writes())
        .extracting(FakeMarathon.Request::method, FakeMarathon.Request::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "/v2/groups"));
    JsonObject posted = new JsonObject(marathon.writes().get(0).body());
    assertThat(posted).isEqualTo(group(Map.of()));
    assertThat(MarathonDeployer.apps(posted))
        .extracting(a -> a.getString("id"))
        .containsExactly(
            "/smart-building/get",
            "/smart-building/filter-temperature",
            "/smart-building/map",
            "/smart-building/moving-avg");
    assertThat(result.changed()).hasSize(4);
    assertThat(log).contains("ready 4/4");
  }

  @Test
  @DisplayName(
      "a change of grouping PUTs the group with one app per group: the old apps are gone, and"
          + " the log names them")
  void regroupRemovesOldApps() throws Exception {
    deployer(Duration.ofSeconds(10)).deploy(group(Map.of()));
    JsonObject grouped =
        MarathonResources.group(
            APP,
            Settings.defaults().withPlacement(Placement.parse("get+filterTemperature+map", APP)));

    DeployResult result = deployer(Duration.ofSeconds(10)).deploy(grouped);

    FakeMarathon.Request put = marathon.writes().get(marathon.writes().size() - 1);
    assertThat(put.method()).isEqualTo("PUT");
    // a group update replaces the group's apps: Marathon deletes those it no longer lists
    assertThat(MarathonDeployer.apps(new JsonObject(put.body())))
        .extracting(a -> a.getString("id"))
        .containsExactly(
            "/smart-building/get--filter-temperature--map", "/smart-building/moving-avg");
    assertThat(result.changed()).contains("/smart-building/get--filter-temperature--map");
    assertThat(log)
        .contains(
            "removed    /smart-building/get, /smart-building/filter-temperature,"
                + " /smart-building/map (not in this placement)");
    assertThat(
            MarathonDeployer.removedApps(new JsonObject(marathon.writes().get(0).body()), grouped))
        .containsExactly(
            "/smart-building/get", "/smart-building/filter-temperature", "/smart-building/map");
  }

  @Test
  @DisplayName("a redeploy PUTs the group and reports only the app whose image changed")
  void redeployChangesOneApp() throws Exception {
    deployer(Duration.ofSeconds(10)).deploy(group(Map.of()));
    DeployResult again =
        deployer(Duration.ofSeconds(10)).deploy(group(Map.of("map", "sha256:" + "9".repeat(64))));

    assertThat(again.changed()).containsExactly("/smart-building/map");
    assertThat(marathon.writes())
        .extracting(FakeMarathon.Request::method, FakeMarathon.Request::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("POST", "/v2/groups"),
            org.assertj.core.groups.Tuple.tuple("PUT", "/v2/groups/smart-building"));
  }

  @Test
  @DisplayName("an unchanged redeploy sends nothing")
  void unchanged() throws Exception {
    deployer(Duration.ofSeconds(10)).deploy(group(Map.of()));
    DeployResult again = deployer(Duration.ofSeconds(10)).deploy(group(Map.of()));
    assertThat(again.changed()).isEmpty();
    assertThat(marathon.writes()).hasSize(1);
  }

  @Test
  @DisplayName("an app that never gets healthy fails the deploy and the new group is deleted")
  void unhealthyRollsBack() {
    marathon.breakImage("reg/smart-building-map@sha256:" + "1".repeat(64));
    assertThatThrownBy(() -> deployer(Duration.ofMillis(300)).deploy(group(Map.of())))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("/smart-building/map (0/1)")
        .hasMessageContaining("was deleted");
    assertThat(marathon.hasGroup("/smart-building")).isFalse();
  }

  @Test
  @DisplayName("a failed redeploy puts the group back to the version it had")
  void failedRedeployRestoresVersion() throws Exception {
    deployer(Duration.ofSeconds(10)).deploy(group(Map.of()));
    String broken = "sha256:" + "6".repeat(64);
    marathon.breakImage("reg/smart-building-get@" + broken);
    assertThatThrownBy(() -> deployer(Duration.ofMillis(300)).deploy(group(Map.of("get", broken))))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("put back to version v1");
    assertThat(marathon.writes().get(marathon.writes().size() - 1).body())
        .contains("\"version\":\"v1\"");
  }

  @Test
  @DisplayName("undeploy deletes the group")
  void undeploy() throws Exception {
    deployer(Duration.ofSeconds(10)).deploy(group(Map.of()));
    List<String> removed = deployer(Duration.ofSeconds(10)).undeploy("/smart-building");
    assertThat(removed).hasSize(4);
    assertThat(marathon.hasGroup("/smart-building")).isFalse();
    assertThat(marathon.writes())
        .last()
        .extracting(FakeMarathon.Request::method)
        .isEqualTo("DELETE");
  }

  @Test
  @DisplayName("no Marathon at the URL says so and what to check")
  void unreachable() {
    assertThatThrownBy(
            () ->
                new MarathonDeployer(
                        java.net.URI.create("http://127.0.0.1:1"),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(10),
                        log::add)
                    .deploy(group(Map.of())))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("No Marathon reachable at http://127.0.0.1:1/")
        .hasMessageContaining("MARATHON_URL");
  }
}
