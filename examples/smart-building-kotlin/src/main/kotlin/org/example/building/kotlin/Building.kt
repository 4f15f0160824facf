package org.example.building.kotlin

import io.dyninka.Dataflow
import io.dyninka.Dyninka
import io.dyninka.Flow
import io.dyninka.Placed
import io.dyninka.Service
import io.vertx.core.Future
import io.vertx.core.http.HttpClientAgent
import io.vertx.core.http.HttpClientOptions
import io.vertx.core.http.HttpClientResponse
import io.vertx.core.http.HttpMethod
import io.vertx.core.http.HttpResponseExpectation
import io.vertx.core.http.PoolOptions
import io.vertx.core.http.RequestOptions
import java.util.Optional

// The paper's smart-building app (REBLS'21, Listing 2), in Kotlin: pull a row from the building's
// sensor endpoint, keep the temperatures, and answer with their moving average. Each @Service
// function becomes its own HTTP service; an extension function's receiver is its input, as in the
// paper. The functions live in the JVM class BuildingKt; the app is named after this file.

/** Where the sensor endpoint listens unless `SENSOR_URL` or `-Dsensor.url` says. */
const val DEFAULT_SENSOR_URL = "http://127.0.0.1:8091/"

/** The only variable the app keeps. */
const val TEMPERATURE = "Temperature"

@Placed("movingAvg") var average: Double = 0.0

@Placed("movingAvg") var count: Long = 0

/** Pulls the next row from the sensor endpoint. */
@Service
fun get(): Future<Reading> {
  val request =
    RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(sensorUrl()).setIdleTimeout(5_000)
  return SensorClient.http
    .request(request)
    .compose { req ->
      // The body is read inside send's callback, on the request's event loop (see the Java
      // example: composed from elsewhere, it can arrive before its handler is set).
      req.send().expecting(HttpResponseExpectation.SC_OK).compose(HttpClientResponse::body)
    }
    .map { body -> Reading.fromSensorJson(body.toJsonObject()) }
}

/** Keeps temperature readings only; any other variable ends the request with 204. */
@Service
fun Reading.filterTemperature(): Optional<Reading> =
  if (variable == TEMPERATURE) Optional.of(this) else Optional.empty()

@Service fun Reading.map(): Double = value

/** Folds one more temperature into the running mean; its service runs one call at a time. */
@Service
fun Double.movingAvg(): Average {
  count++
  // The paper's update, (v + n * avg) / (n + 1), rearranged so no sum is kept beside the mean.
  average += (this - average) / count
  return Average(average, count)
}

/**
 * The app. kapt shows the processor Java stubs whose function bodies are empty, so [Dataflow.steps]
 * names the chain for the build; the body is the same chain for [Flow.runLocal] (the test checks
 * that the two agree).
 */
@Dataflow(steps = ["get", "filterTemperature", "map", "movingAvg"])
fun building(): Flow<Average> =
  Flow.fromAsync(::get)
    .thenOptional(Reading::filterTemperature)
    .then(Reading::map)
    .then(Double::movingAvg)

/** `-Dsensor.url` wins over `SENSOR_URL`, like every Dyninka setting. */
fun sensorUrl(): String {
  val url =
    System.getProperty("sensor.url")?.takeIf { it.isNotBlank() }
      ?: System.getenv("SENSOR_URL")?.takeIf { it.isNotBlank() }
  return url?.trim() ?: DEFAULT_SENSOR_URL
}

/**
 * One pooled keep-alive client per JVM, created on first use, so only the JVM that runs get ever
 * opens one, on the Vert.x of its host.
 */
private object SensorClient {
  val http: HttpClientAgent by lazy {
    Dyninka.vertx()
      .createHttpClient(
        HttpClientOptions().setKeepAlive(true).setConnectTimeout(2_000),
        PoolOptions().setHttp1MaxSize(32),
      )
  }
}
