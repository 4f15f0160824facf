package org.example.building.kotlin

import io.dyninka.Dyninka
import io.dyninka.manifest.AppManifest
import io.dyninka.manifest.Placement
import io.dyninka.runtime.ServiceHost
import io.dyninka.runtime.launch.LocalLauncher
import io.vertx.core.json.JsonObject
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.TimeUnit
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.within
import org.example.building.JavaSmartBuilding
import org.example.building.SensorDataset
import org.example.building.SensorRow
import org.example.building.SensorServer
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.DisplayName
import org.junit.jupiter.api.Nested
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource

/** The Kotlin app against the Java example: the same rows must give the same answers. */
@DisplayName("Building.kt")
class BuildingTest {

  private lateinit var sensor: SensorServer

  @BeforeEach
  fun startSensor() {
    sensor = startSensor(ROWS)
    System.setProperty("sensor.url", sensor.url())
    average = 0.0
    count = 0
  }

  @AfterEach
  fun stopSensor() {
    System.clearProperty("sensor.url")
    sensor.close().await()
  }

  @Nested
  @DisplayName("its manifest, written by kapt")
  inner class Manifest {

    @Test
    @DisplayName("names the app after the file and the services after the Kotlin functions")
    fun names() {
      val manifest = ServiceHost.loadManifest("building")
      assertThat(manifest.services().map { it.name() })
        .containsExactly("get", "filterTemperature", "map", "movingAvg")
      assertThat(manifest.services().map { it.kubeName() })
        .containsExactly("get", "filter-temperature", "map", "moving-avg")
      assertThat(manifest.sink()).isEqualTo("movingAvg")
      assertThat(manifest.source()).isEqualTo("org.example.building.kotlin.BuildingKt")
    }

    @Test
    @DisplayName("wires each receiver to the service before it, and places the state on movingAvg")
    fun wiring() {
      val manifest = ServiceHost.loadManifest("building")
      val inputs = manifest.services().associate { s -> s.name() to s.inputs().map { it.from() } }
      assertThat(inputs)
        .containsExactlyInAnyOrderEntriesOf(
          mapOf(
            "get" to listOf(),
            "filterTemperature" to listOf("get"),
            "map" to listOf("filterTemperature"),
            "movingAvg" to listOf("map"),
          )
        )
      val movingAvg = manifest.service("movingAvg").orElseThrow()
      assertThat(movingAvg.stateful()).isTrue()
      assertThat(movingAvg.placed())
        .containsExactly(
          "org.example.building.kotlin.BuildingKt#average",
          "org.example.building.kotlin.BuildingKt#count",
        )
      assertThat(manifest.services().filter { it.stateful() }.map { it.name() })
        .containsExactly("movingAvg")
    }
  }

  @Nested
  @DisplayName("building().runLocal")
  inner class RunLocal {

    @Test
    @DisplayName("answers exactly what the Java example answers, row for row")
    fun sameAsJava() {
      val kotlinAnswers = List(ROWS.size) { building().runLocal(null).await(10, TimeUnit.SECONDS) }

      val javaSensor = startSensor(ROWS)
      System.setProperty("sensor.url", javaSensor.url())
      val javaFlow = JavaSmartBuilding.freshFlow()
      val javaAnswers =
        try {
          List(ROWS.size) { javaFlow.runLocal(null).await(10, TimeUnit.SECONDS) }
        } finally {
          javaSensor.close().await()
        }

      assertThat(kotlinAnswers.count { it == null }).isEqualTo(javaAnswers.count { it == null })
      kotlinAnswers.zip(javaAnswers).forEachIndexed { row, (kotlin, java) ->
        if (java == null) {
          assertThat(kotlin).`as`("row %d is filtered out", row).isNull()
        } else {
          assertThat(kotlin).`as`("row %d", row).isEqualTo(Average(java.average(), java.count()))
        }
      }
      assertThat(javaAnswers.filterNotNull()).hasSizeGreaterThan(50)
    }
  }

  @Nested
  @DisplayName("its generated services, each in its own JVM")
  inner class Distributed {

    @ParameterizedTest(name = "-Ddyninka.colocate={0}")
    @ValueSource(strings = ["", "all"])
    @DisplayName("answer what the Java example's flow answers for the same rows, 204 for the rest, split or all in one JVM")
    fun sameAsJavaOverHttp(spec: String) {
      val rows = ROWS.subList(0, DISTRIBUTED_ROWS)
      val expected = javaAnswers(rows)
      val manifest: AppManifest = ServiceHost.loadManifest("building")
      val servicesSensor = startSensor(rows)
      val http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
      try {
        LocalLauncher.builder()
          .environment(mapOf("SENSOR_URL" to servicesSensor.url()))
          .logSink { line -> println(line) }
          .build()
          .start(manifest, Placement.parse(spec, manifest))
          .use { app ->
            for ((row, want) in expected.withIndex()) {
              val request = HttpRequest.newBuilder(app.entryUrl()).timeout(TIMEOUT).GET().build()
              val response = http.send(request, HttpResponse.BodyHandlers.ofString())
              if (want == null) {
                assertThat(response.statusCode()).`as`("row %d", row).isEqualTo(204)
              } else {
                assertThat(response.statusCode()).`as`("row %d: %s", row, response.body()).isEqualTo(200)
                val answer = JsonObject(response.body())
                assertThat(answer.getLong("count")).`as`("row %d", row).isEqualTo(want.count())
                assertThat(answer.getDouble("average"))
                  .`as`("row %d", row)
                  .isCloseTo(want.average(), within(1e-12))
              }
            }
          }
      } finally {
        servicesSensor.close().await()
      }
    }

    private fun javaAnswers(rows: List<SensorRow>): List<org.example.building.Average?> {
      val javaSensor = startSensor(rows)
      System.setProperty("sensor.url", javaSensor.url())
      val flow = JavaSmartBuilding.freshFlow()
      try {
        return List(rows.size) { flow.runLocal(null).await(10, TimeUnit.SECONDS) }
      } finally {
        javaSensor.close().await()
      }
    }
  }

  private companion object {
    /** The first day and a half: filtered and kept rows, many times over. */
    val ROWS: List<SensorRow> = SensorDataset.generate(SensorDataset.DEFAULT_SEED).subList(0, 1_000)

    /** Enough for dozens of temperatures through four JVMs, few enough for a 2-core build. */
    const val DISTRIBUTED_ROWS = 240

    val TIMEOUT: Duration = Duration.ofSeconds(30)

    fun startSensor(rows: List<SensorRow>): SensorServer =
      SensorServer.start(Dyninka.vertx(), rows, "127.0.0.1", 0).await()
  }
}
