package io.dyninka.maven.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.AppManifest;
import io.dyninka.manifest.Placement;
import io.dyninka.maven.testing.Manifests;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The smart building: get → filterTemperature → map → movingAvg, whose average is placed. */
@DisplayName("dyninka.replicas and dyninka.stateStore of dyninka:run")
class ReplicaCountsTest {

  static final AppManifest APP = Manifests.smartBuilding();
  static final Placement SPLIT = Placement.split(APP);

  static Map<String, Integer> counts(String replicas, boolean hasStore) {
    return ReplicaCounts.parse(replicas).of(APP, SPLIT, hasStore);
  }

  @Test
  @DisplayName("names services: each named one runs that often, the others once")
  void named() {
    assertThat(counts("map=2, get = 3", false))
        .containsExactly(Map.entry("get", 3), Map.entry("map", 2));
    assertThat(counts(null, false)).isEmpty();
    assertThat(counts(" ", false)).isEmpty();
  }

  @Test
  @DisplayName("a number alone: every stateless service, and the stateful one only with a store")
  void number() {
    assertThat(counts("2", false))
        .containsOnlyKeys("get", "filterTemperature", "map")
        .containsValues(2);
    assertThat(counts("2", true)).containsOnlyKeys("get", "filterTemperature", "map", "movingAvg");
  }

  @Test
  @DisplayName("a number alone leaves the members of a group at one; naming one is refused")
  void groups() {
    Placement grouped = Placement.parse("get+filterTemperature", APP);
    assertThat(ReplicaCounts.parse("2").of(APP, grouped, false)).containsOnlyKeys("map");
    assertThatThrownBy(() -> ReplicaCounts.parse("get=2").of(APP, grouped, false))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("'get', which runs once in the JVM of its group")
        .hasMessageContaining("dyninka.colocate");
  }

  @Test
  @DisplayName("refuses replicas of a stateful service without a store, naming dyninka.stateStore")
  void statefulWithoutStore() {
    assertThatThrownBy(() -> counts("movingAvg=2", false))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "dyninka.replicas asks for 2 replicas of 'movingAvg', which has placed state: each JVM"
                + " would keep a state of its own. Put it in a store with"
                + " -Ddyninka.stateStore=redis://127.0.0.1:6379, or run one");
    assertThat(counts("movingAvg=2", true)).containsExactly(Map.entry("movingAvg", 2));
  }

  @Test
  @DisplayName("refuses a service the app does not have, listing those it has")
  void unknownService() {
    assertThatThrownBy(() -> counts("mvoingAvg=2", true))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("names service 'mvoingAvg', which app smart-building does not have")
        .hasMessageContaining("movingAvg");
  }

  @Test
  @DisplayName("refuses counts that are not whole numbers of at least 1, naming the entry")
  void badCounts() {
    for (String bad : new String[] {"0", "two", "map=0", "map=", "=2", "map=2,get"}) {
      assertThatThrownBy(() -> ReplicaCounts.parse(bad))
          .as(bad)
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageStartingWith("dyninka.replicas ");
    }
  }

  @Test
  @DisplayName("dyninka.stateStore: becomes DYNINKA_STATE_STORE, which gives the stateful replicas")
  void stateStore() {
    Properties commandLine = new Properties();
    commandLine.setProperty(RunSettings.STATE_STORE, "redis://127.0.0.1:6379/2");
    commandLine.setProperty(RunSettings.REPLICAS, "movingAvg=2");
    RunSettings settings =
        RunSettings.resolve(new RunSettings.PomValues(null, null, null, true, 60, 0), commandLine);
    assertThat(settings.environment())
        .containsEntry("DYNINKA_STATE_STORE", "redis://127.0.0.1:6379/2");
    assertThat(settings.replicasOf(APP, SPLIT)).containsExactly(Map.entry("movingAvg", 2));
  }

  @Test
  @DisplayName(
      "dyninka.stateStore: a wrong address is refused, naming the property, not echoing a password")
  void badStore() {
    Properties commandLine = new Properties();
    commandLine.setProperty(RunSettings.STATE_STORE, "http://:s3cret@127.0.0.1:6379");
    assertThatThrownBy(
            () ->
                RunSettings.resolve(
                    new RunSettings.PomValues(null, null, null, true, 60, 0), commandLine))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("dyninka.stateStore is not a store:")
        .hasMessageContaining("redis://")
        .hasMessageNotContaining("s3cret");
  }
}
