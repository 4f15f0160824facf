package io.dyninka.maven.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dyninka.manifest.Placement;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The smart building's {@code moving-avg} (its one stateful service) with and without a state
 * store, read back from the YAML with fabric8's model.
 */
@DisplayName("Kubernetes resources of a stateful service")
class StateStoreResourcesTest {

  static final StateStoreSecret SECRET = StateStoreSecret.of("orders-state", "");

  static ResourceSettings settings(StateStoreSecret store) {
    return ColocatedResourcesTest.settings().withStateStore(store);
  }

  static ResourceSettings settings(StateStoreSecret store, int replicas) {
    return settings(store).toBuilder().replicas(replicas).autoscaling(Autoscaling.OFF).build();
  }

  static String yaml(ResourceSettings settings) {
    return KubernetesResources.toYaml(
        KubernetesResources.withDefaultSteps().generate(KubernetesResourcesTest.APP, settings));
  }

  static List<HasMetadata> parsedBack(ResourceSettings settings) {
    Object parsed =
        Serialization.unmarshal(
            new ByteArrayInputStream(yaml(settings).getBytes(StandardCharsets.UTF_8)));
    @SuppressWarnings("unchecked")
    List<HasMetadata> items =
        parsed instanceof KubernetesList list ? list.getItems() : (List<HasMetadata>) parsed;
    return items;
  }

  static <T extends HasMetadata> Optional<T> find(
      List<HasMetadata> objects, Class<T> kind, String name) {
    return objects.stream()
        .filter(kind::isInstance)
        .map(kind::cast)
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst();
  }

  static Container container(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  static Optional<EnvVar> env(Container c, String name) {
    return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
  }

  @Nested
  @DisplayName("with a state store")
  class WithStore {

    final List<HasMetadata> fixed = parsedBack(settings(SECRET, 3));
    final Deployment avg = find(fixed, Deployment.class, "moving-avg").orElseThrow();

    @Test
    @DisplayName("takes dyninka.replicas and a RollingUpdate, like a stateless service")
    void scalesAndRolls() {
      assertThat(avg.getSpec().getReplicas()).isEqualTo(3);
      assertThat(avg.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
      Deployment map = find(fixed, Deployment.class, "map").orElseThrow();
      assertThat(avg.getSpec().getStrategy()).isEqualTo(map.getSpec().getStrategy());
    }

    @Test
    @DisplayName("reads DYNINKA_STATE_STORE from the Secret, and never holds an address")
    void addressFromTheSecret() {
      EnvVar address = env(container(avg), "DYNINKA_STATE_STORE").orElseThrow();
      assertThat(address.getValue()).isNull();
      SecretKeySelector ref = address.getValueFrom().getSecretKeyRef();
      assertThat(ref.getName()).isEqualTo("orders-state");
      assertThat(ref.getKey()).isEqualTo("DYNINKA_STATE_STORE");
      assertThat(ref.getOptional()).isNull();

      SecretKeySelector password =
          env(container(avg), "DYNINKA_STATE_STORE_PASSWORD")
              .orElseThrow()
              .getValueFrom()
              .getSecretKeyRef();
      assertThat(password.getName()).isEqualTo("orders-state");
      assertThat(password.getKey()).isEqualTo("DYNINKA_STATE_STORE_PASSWORD");
      assertThat(password.getOptional()).as("a Secret without a password still starts").isTrue();

      assertThat(yaml(settings(SECRET, 3))).doesNotContain("redis://");
    }

    @Test
    @DisplayName("reads the address from the key dyninka.stateStore.secretKey names")
    void otherKey() {
      List<HasMetadata> objects = parsedBack(settings(StateStoreSecret.of("redis", "url"), 2));
      Deployment d = find(objects, Deployment.class, "moving-avg").orElseThrow();
      SecretKeySelector ref =
          env(container(d), "DYNINKA_STATE_STORE").orElseThrow().getValueFrom().getSecretKeyRef();
      assertThat(ref.getName()).isEqualTo("redis");
      assertThat(ref.getKey()).isEqualTo("url");
    }

    @Test
    @DisplayName("gives the store to the stateful services only")
    void statelessServicesDoNotGetIt() {
      for (String stateless : List.of("get", "filter-temperature", "map")) {
        Deployment d = find(fixed, Deployment.class, stateless).orElseThrow();
        assertThat(env(container(d), "DYNINKA_STATE_STORE")).as(stateless).isEmpty();
      }
    }

    @Test
    @DisplayName("is covered by a HorizontalPodAutoscaler, which then owns its replicas")
    void autoscaled() {
      List<HasMetadata> objects = parsedBack(settings(SECRET));
      HorizontalPodAutoscaler hpa =
          find(objects, HorizontalPodAutoscaler.class, "moving-avg").orElseThrow();
      assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("moving-avg");
      assertThat(
              find(objects, Deployment.class, "moving-avg").orElseThrow().getSpec().getReplicas())
          .isNull();
    }

    @Test
    @DisplayName("rolls and autoscales a group holding it too, which gets the Secret's address")
    void colocated() {
      List<HasMetadata> objects =
          parsedBack(
              settings(SECRET)
                  .withPlacement(Placement.parse("map+movingAvg", KubernetesResourcesTest.APP)));
      Deployment group = find(objects, Deployment.class, "map--moving-avg").orElseThrow();
      assertThat(group.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
      assertThat(find(objects, HorizontalPodAutoscaler.class, "map--moving-avg")).isPresent();
      assertThat(
              env(container(group), "DYNINKA_STATE_STORE")
                  .orElseThrow()
                  .getValueFrom()
                  .getSecretKeyRef()
                  .getName())
          .isEqualTo("orders-state");
    }

    @Test
    @DisplayName("leaves Marathon pinned: its apps cannot read a Kubernetes Secret")
    void marathonStaysPinned() {
      JsonObject group = MarathonResources.group(KubernetesResourcesTest.APP, settings(SECRET, 3));
      JsonObject avg =
          group.getJsonArray("apps").stream()
              .map(JsonObject.class::cast)
              .filter(app -> app.getString("id").endsWith("moving-avg"))
              .findFirst()
              .orElseThrow();
      assertThat(avg.getInteger("instances")).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("without a state store")
  class WithoutStore {

    @Test
    @DisplayName("keeps one replica, replaced rather than rolled, no autoscaler, no store")
    void pinned() {
      List<HasMetadata> objects = parsedBack(settings(null));
      Deployment avg = find(objects, Deployment.class, "moving-avg").orElseThrow();
      assertThat(avg.getSpec().getReplicas()).isEqualTo(1);
      assertThat(avg.getSpec().getStrategy().getType()).isEqualTo("Recreate");
      assertThat(find(objects, HorizontalPodAutoscaler.class, "moving-avg")).isEmpty();
      assertThat(env(container(avg), "DYNINKA_STATE_STORE")).isEmpty();
    }

    @Test
    @DisplayName("writes the same YAML, byte for byte, as before the setting existed")
    void unchanged() {
      assertThat(yaml(settings(null))).isEqualTo(yaml(ColocatedResourcesTest.settings()));
    }
  }

  @Nested
  @DisplayName("refuses")
  class Refuses {

    @Test
    @DisplayName("a Secret name Kubernetes would reject, naming the property")
    void badName() {
      assertThatThrownBy(() -> StateStoreSecret.of("Orders_State", null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("dyninka.stateStore.secret")
          .hasMessageContaining("Orders_State");
    }

    @Test
    @DisplayName("a key Kubernetes would reject, naming the property")
    void badKey() {
      assertThatThrownBy(() -> StateStoreSecret.of("orders-state", "redis url"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("dyninka.stateStore.secretKey")
          .hasMessageContaining("redis url");
    }

    @Test
    @DisplayName("DYNINKA_STATE_STORE in <env>: the address would be in the YAML")
    void addressInTheEnvironment() {
      assertThatThrownBy(
              () ->
                  new PodSettings(
                      Map.of("DYNINKA_STATE_STORE", "redis://10.0.0.5:6379"),
                      Map.of(),
                      List.of(),
                      Map.of(),
                      List.of(),
                      Map.of(),
                      List.of(),
                      "IfNotPresent",
                      PodSettings.PreStop.SLEEP))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("set DYNINKA_STATE_STORE")
          .hasMessageContaining("dyninka.stateStore.secret");
    }

    @Test
    @DisplayName("no name at all means no store")
    void blank() {
      assertThat(StateStoreSecret.of(" ", "url")).isNull();
      assertThat(StateStoreSecret.of(null, null)).isNull();
    }
  }
}
