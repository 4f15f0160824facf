package org.example.building;

import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One sensor value, as it travels between the services of the app.
 *
 * @param sensor the sensor name, e.g. {@code PER_BUILDING_USB_R1.012}
 * @param variable what it measures, e.g. {@code Temperature}
 * @param units the units of {@code value}, e.g. {@code Celsius}
 * @param timestamp when it was measured, in epoch milliseconds (UTC)
 * @param value the measured value
 */
public record Reading(String sensor, String variable, String units, long timestamp, double value) {

  /**
   * Reads a row as the sensor endpoint serves it: keyed by the Urban Observatory CSV column names,
   * with the export's UTC {@code yyyy-MM-dd HH:mm:ss} timestamps.
   *
   * @throws IllegalArgumentException when a column is missing or malformed, naming it
   */
  public static Reading fromSensorJson(JsonObject row) {
    try {
      LocalDateTime time =
          LocalDateTime.parse(required(row, SensorRow.TIMESTAMP).toString(), SensorRow.TIME_FORMAT);
      return new Reading(
          required(row, SensorRow.SENSOR_NAME).toString(),
          required(row, SensorRow.VARIABLE).toString(),
          required(row, SensorRow.UNITS).toString(),
          time.toInstant(ZoneOffset.UTC).toEpochMilli(),
          ((Number) required(row, SensorRow.VALUE)).doubleValue());
    } catch (ClassCastException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "malformed sensor row " + row.encode() + ": " + e.getMessage(), e);
    }
  }

  private static Object required(JsonObject row, String column) {
    Object value = row.getValue(column);
    if (value == null) {
      throw new IllegalArgumentException("sensor row lacks \"" + column + "\": " + row.encode());
    }
    return value;
  }
}
