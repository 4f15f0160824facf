package org.example.building;

import io.dyninka.Dataflow;
import io.dyninka.Dyninka;
import io.dyninka.Flow;
import io.dyninka.Placed;
import io.dyninka.Service;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Optional;

/**
 * The paper's smart-building app (its Listing 2): pull a row from the building's sensor endpoint,
 * keep the temperatures, and answer with their moving average. Each method below becomes its own
 * HTTP service; {@link #building()} says how they chain.
 */
public class SmartBuilding {

  /** Where the sensor endpoint listens unless {@code SENSOR_URL} or {@code -Dsensor.url} says. */
  public static final String DEFAULT_SENSOR_URL = "http://127.0.0.1:8091/";

  @Placed("movingAvg")
  static double average;

  @Placed("movingAvg")
  static long count;

  /** Pulls the next row from the sensor endpoint. */
  @Service
  static Future<Reading> get() {
    String url = sensorUrl();
    RequestOptions request =
        new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).setIdleTimeout(5_000);
    return SensorClient.HTTP
        .request(request)
        .compose(
            req ->
                // Read the body inside send's callback, on the request's event loop: composed
                // outside, from a thread that is not Vert.x's, the body can arrive before its
                // handler is set and the future never completes.
                req.send()
                    .expecting(HttpResponseExpectation.SC_OK)
                    .compose(HttpClientResponse::body))
        .map(body -> Reading.fromSensorJson(body.toJsonObject()))
        // Refused, reset or closed: the message names the endpoint, whatever the cause says.
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException(
                        "sensor endpoint " + url + " failed: " + e.getMessage(), e)));
  }

  /** Keeps temperature readings only; any other variable ends the request with 204. */
  @Service
  static Optional<Reading> filterTemperature(Reading reading) {
    return SensorDataset.TEMPERATURE.equals(reading.variable())
        ? Optional.of(reading)
        : Optional.empty();
  }

  @Service
  static double map(Reading reading) {
    return reading.value();
  }

  /** Folds one more temperature into the running mean; its service runs one call at a time. */
  @Service
  static Average movingAvg(double value) {
    count++;
    // The paper's update, (v + n * avg) / (n + 1), rearranged so no sum is kept beside the mean.
    average += (value - average) / count;
    return new Average(average, count);
  }

  @Dataflow
  static Flow<Average> building() {
    return Flow.fromAsync(SmartBuilding::get)
        .thenOptional(SmartBuilding::filterTemperature)
        .then(SmartBuilding::map)
        .then(SmartBuilding::movingAvg);
  }

  /** {@code -Dsensor.url} wins over {@code SENSOR_URL}, like every Dyninka setting. */
  static String sensorUrl() {
    String url = System.getProperty("sensor.url");
    if (url == null || url.isBlank()) {
      url = System.getenv("SENSOR_URL");
    }
    return url == null || url.isBlank() ? DEFAULT_SENSOR_URL : url.trim();
  }

  /**
   * One pooled keep-alive client per JVM, created on first use (the JVM initialises a holder class
   * once, thread-safely), so only the JVM that runs get ever opens one, on the Vert.x of its host.
   */
  private static final class SensorClient {
    static final HttpClientAgent HTTP =
        Dyninka.vertx()
            .createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout(2_000),
                new PoolOptions().setHttp1MaxSize(32));
  }
}
