package org.example.building;

import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One row of a Newcastle Urban Observatory sensor export, the paper's data set.
 *
 * @param sensor "Sensor Name"
 * @param variable "Variable": Temperature, Humidity, CO2, Occupancy, Light or Sound
 * @param units "Units"
 * @param timestamp "Timestamp", UTC
 * @param value "Value", already rounded to the precision the sensor reports
 * @param location "Location (WKT)", a {@code POINT (lon lat)}
 * @param groundHeight "Ground Height Above Sea Level", in metres
 * @param broker "Broker Name"
 */
public record SensorRow(
    String sensor,
    String variable,
    String units,
    LocalDateTime timestamp,
    double value,
    String location,
    double groundHeight,
    String broker) {

  public static final String SENSOR_NAME = "Sensor Name";
  public static final String VARIABLE = "Variable";
  public static final String UNITS = "Units";
  public static final String TIMESTAMP = "Timestamp";
  public static final String VALUE = "Value";
  public static final String LOCATION = "Location (WKT)";
  public static final String GROUND_HEIGHT = "Ground Height Above Sea Level";
  public static final String BROKER = "Broker Name";

  /** The columns, in the order of the Urban Observatory export. */
  public static final List<String> COLUMNS =
      List.of(SENSOR_NAME, VARIABLE, UNITS, TIMESTAMP, VALUE, LOCATION, GROUND_HEIGHT, BROKER);

  /** The export's timestamp format. */
  public static final DateTimeFormatter TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** The row as the sensor endpoint serves it: one JSON member per CSV column. */
  public JsonObject toJson() {
    return new JsonObject()
        .put(SENSOR_NAME, sensor)
        .put(VARIABLE, variable)
        .put(UNITS, units)
        .put(TIMESTAMP, TIME_FORMAT.format(timestamp))
        .put(VALUE, value)
        .put(LOCATION, location)
        .put(GROUND_HEIGHT, groundHeight)
        .put(BROKER, broker);
  }
}
