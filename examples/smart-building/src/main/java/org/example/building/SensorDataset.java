package org.example.building;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A deterministic stand-in for the paper's data set: one month (March 2021, UTC) of readings from
 * the rooms of a university building, in the layout of a Newcastle Urban Observatory export.
 *
 * <p>Six rooms report six variables every 30 minutes; about 7% of the readings are missing, as in a
 * real export, which leaves about 50,000 rows, one in six of them a Temperature. Values follow
 * daily and weekly cycles (heating, office hours, daylight) plus noise from a {@link Random} seeded
 * by the caller. The JDK specifies Random's algorithm and StrictMath's results exactly (Math may
 * differ by an ulp between JVMs), so one seed gives the same rows, and the same CSV bytes, on every
 * JVM.
 */
public final class SensorDataset {

  public static final long DEFAULT_SEED = 2021L;
  public static final LocalDate FIRST_DAY = LocalDate.of(2021, 3, 1);
  public static final LocalDate LAST_DAY = LocalDate.of(2021, 3, 31);
  public static final String TEMPERATURE = "Temperature";

  static final int SLOT_MINUTES = 30;
  private static final double MISSING = 0.066;
  private static final String BROKER = "Building Management System";

  /** A room of the building, with the sensor that reports its variables. */
  private record Room(
      String sensor, double lon, double lat, double height, double baseTemp, int seats) {}

  private static final List<Room> ROOMS =
      List.of(
          new Room("PER_BUILDING_USB_R1.012", -1.62530, 54.97347, 55.2, 21.2, 40),
          new Room("PER_BUILDING_USB_R1.026", -1.62512, 54.97361, 55.2, 20.6, 12),
          new Room("PER_BUILDING_USB_R2.015", -1.62547, 54.97352, 59.4, 21.8, 25),
          new Room("PER_BUILDING_USB_R2.033", -1.62498, 54.97339, 59.4, 22.4, 8),
          new Room("PER_BUILDING_USB_R3.004", -1.62521, 54.97370, 63.6, 21.0, 60),
          new Room("PER_BUILDING_USB_R4.018", -1.62539, 54.97329, 67.8, 20.2, 16));

  private SensorDataset() {}

  /** The rows of the month, ordered by timestamp, then sensor, then variable. */
  public static List<SensorRow> generate(long seed) {
    Random random = new Random(seed);
    List<SensorRow> rows = new ArrayList<>(56_000);
    LocalDateTime end = LAST_DAY.plusDays(1).atStartOfDay();
    for (LocalDateTime slot = FIRST_DAY.atStartOfDay();
        slot.isBefore(end);
        slot = slot.plusMinutes(SLOT_MINUTES)) {
      for (Room room : ROOMS) {
        addRoom(rows, random, room, slot);
      }
    }
    rows.sort(
        Comparator.comparing(SensorRow::timestamp)
            .thenComparing(SensorRow::sensor)
            .thenComparing(SensorRow::variable));
    return List.copyOf(rows);
  }

  private static void addRoom(List<SensorRow> rows, Random random, Room room, LocalDateTime slot) {
    double hour = slot.getHour() + slot.getMinute() / 60.0;
    boolean weekend =
        slot.getDayOfWeek() == DayOfWeek.SATURDAY || slot.getDayOfWeek() == DayOfWeek.SUNDAY;
    // Share of the room's seats in use: a hump over office hours on weekdays, little at weekends.
    double busy =
        Math.max(0, StrictMath.sin(StrictMath.PI * (hour - 8) / 10)) * (weekend ? 0.1 : 1.0);
    double people = StrictMath.floor(room.seats() * busy * (0.6 + 0.4 * random.nextDouble()));
    double daylight = Math.max(0, StrictMath.sin(StrictMath.PI * (hour - 6.5) / 12));
    double dailyWave = StrictMath.sin(2 * StrictMath.PI * (hour - 9) / 24); // peaks mid-afternoon

    double temperature =
        room.baseTemp()
            + 1.2 * dailyWave
            + 0.04 * people
            - (weekend ? 1.0 : 0)
            + gaussian(random, 0.25);
    double humidity = clamp(42 - 6 * dailyWave + 0.15 * people + gaussian(random, 1.5), 20, 80);
    double co2 = Math.max(400, 415 + 22 * people + gaussian(random, 12));
    double light = Math.max(0, 320 * daylight + (people > 0 ? 350 : 0) + gaussian(random, 20));
    double sound = Math.max(25, 31 + 6 * StrictMath.log1p(people) + gaussian(random, 1.8));

    add(rows, random, room, slot, TEMPERATURE, "Celsius", round(temperature, 2));
    add(rows, random, room, slot, "Humidity", "%", round(humidity, 1));
    add(rows, random, room, slot, "CO2", "ppm", round(co2, 0));
    add(rows, random, room, slot, "Occupancy", "people", people);
    add(rows, random, room, slot, "Light", "lux", round(light, 0));
    add(rows, random, room, slot, "Sound", "dB", round(sound, 1));
  }

  /** Adds one reading, a few minutes into its slot, unless the sensor missed it. */
  private static void add(
      List<SensorRow> rows,
      Random random,
      Room room,
      LocalDateTime slot,
      String variable,
      String units,
      double value) {
    // Both numbers are drawn even for a missing reading, so a dropout never shifts later values.
    boolean missing = random.nextDouble() < MISSING;
    int delaySeconds = random.nextInt(SLOT_MINUTES * 60 / 3);
    if (!missing) {
      rows.add(
          new SensorRow(
              room.sensor(),
              variable,
              units,
              slot.plusSeconds(delaySeconds),
              value,
              "POINT (" + room.lon() + " " + room.lat() + ")",
              room.height(),
              BROKER));
    }
  }

  private static double gaussian(Random random, double sigma) {
    return random.nextGaussian() * sigma;
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  /** Rounds like the sensor reports; never yields -0.0, which would not survive the CSV. */
  private static double round(double value, int decimals) {
    double scale = StrictMath.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  /**
   * Writes the data set as CSV. Arguments: {@code [file] [seed]}, by default {@code
   * target/urban-observatory-2021-03.csv} and {@value #DEFAULT_SEED}.
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "target/urban-observatory-2021-03.csv");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
    List<SensorRow> rows = generate(seed);
    SensorCsv.write(rows, file);
    System.out.println(
        "wrote " + rows.size() + " rows (seed " + seed + ") to " + file.toAbsolutePath());
  }
}
