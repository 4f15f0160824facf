package org.example.building.kotlin

import io.vertx.core.json.JsonObject
import java.beans.ConstructorProperties
import java.time.LocalDateTime
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import java.time.format.DateTimeParseException

/**
 * One sensor value, as it travels between the services of the app.
 *
 * The services' JSON codec is Jackson without its Kotlin module, so [ConstructorProperties] names
 * the constructor's parameters for it (a `@JvmRecord` would do too, but kapt's stubs cannot
 * express records).
 *
 * @property sensor the sensor name, e.g. `PER_BUILDING_USB_R1.012`
 * @property variable what it measures, e.g. `Temperature`
 * @property units the units of [value], e.g. `Celsius`
 * @property timestamp when it was measured, in epoch milliseconds (UTC)
 * @property value the measured value
 */
data class Reading
@ConstructorProperties("sensor", "variable", "units", "timestamp", "value")
constructor(
  val sensor: String,
  val variable: String,
  val units: String,
  val timestamp: Long,
  val value: Double,
) {
  companion object {
    /** The Urban Observatory export's timestamps: UTC, `yyyy-MM-dd HH:mm:ss`. */
    private val TIME_FORMAT: DateTimeFormatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")

    /**
     * Reads a row as the sensor endpoint serves it, keyed by the Urban Observatory CSV column
     * names.
     *
     * @throws IllegalArgumentException when a column is missing or malformed, naming it
     */
    fun fromSensorJson(row: JsonObject): Reading =
      try {
        Reading(
          sensor = row.required("Sensor Name").toString(),
          variable = row.required("Variable").toString(),
          units = row.required("Units").toString(),
          timestamp =
            LocalDateTime.parse(row.required("Timestamp").toString(), TIME_FORMAT)
              .toInstant(ZoneOffset.UTC)
              .toEpochMilli(),
          value = (row.required("Value") as Number).toDouble(),
        )
      } catch (e: ClassCastException) {
        throw IllegalArgumentException("malformed sensor row ${row.encode()}: ${e.message}", e)
      } catch (e: DateTimeParseException) {
        throw IllegalArgumentException("malformed sensor row ${row.encode()}: ${e.message}", e)
      }

    private fun JsonObject.required(column: String): Any =
      getValue(column)
        ?: throw IllegalArgumentException("sensor row lacks \"$column\": ${encode()}")
  }
}

/**
 * The answer of the app: the moving average of the building's temperature so far.
 *
 * @property average the mean of every temperature reading the movingAvg service has seen
 * @property count how many readings that mean covers
 */
data class Average
@ConstructorProperties("average", "count")
constructor(val average: Double, val count: Long)
