package io.dyninka.benchmarks.chain;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.example.building.Average;
import org.example.building.Reading;

/**
 * The JSON a Vert.x developer would write by hand for the chain's types: field by field through
 * {@link JsonObject}, the same field names and values as the Jackson records Dyninka sends.
 */
public final class ChainJson {

  private ChainJson() {}

  public static Buffer encode(Reading reading) {
    return new JsonObject()
        .put("sensor", reading.sensor())
        .put("variable", reading.variable())
        .put("units", reading.units())
        .put("timestamp", reading.timestamp())
        .put("value", reading.value())
        .toBuffer();
  }

  public static Reading decodeReading(Buffer json) {
    JsonObject o = new JsonObject(json);
    return new Reading(
        o.getString("sensor"),
        o.getString("variable"),
        o.getString("units"),
        o.getLong("timestamp"),
        o.getDouble("value"));
  }

  public static Buffer encode(double value) {
    return Buffer.buffer(Double.toString(value));
  }

  public static double decodeDouble(Buffer json) {
    return Double.parseDouble(json.toString().trim());
  }

  public static Buffer encode(Average average) {
    return new JsonObject()
        .put("average", average.average())
        .put("count", average.count())
        .toBuffer();
  }
}
