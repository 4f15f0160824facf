package org.example.building;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads sensor rows in the Urban Observatory CSV layout: a quoted header, quoted text,
 * bare numbers, {@code \n} line ends, UTF-8. The output depends on the rows only (no locale, no
 * platform line separator), so one data set always gives the same bytes.
 */
public final class SensorCsv {

  private SensorCsv() {}

  public static void write(List<SensorRow> rows, Writer out) throws IOException {
    StringBuilder line = new StringBuilder(160);
    for (int i = 0; i < SensorRow.COLUMNS.size(); i++) {
      line.append(i == 0 ? "" : ",");
      quote(line, SensorRow.COLUMNS.get(i));
    }
    out.write(line.append('\n').toString());
    for (SensorRow row : rows) {
      line.setLength(0);
      quote(line, row.sensor()).append(',');
      quote(line, row.variable()).append(',');
      quote(line, row.units()).append(',');
      quote(line, SensorRow.TIME_FORMAT.format(row.timestamp())).append(',');
      line.append(number(row.value())).append(',');
      quote(line, row.location()).append(',');
      line.append(number(row.groundHeight())).append(',');
      quote(line, row.broker()).append('\n');
      out.write(line.toString());
    }
  }

  /** Writes the file through a temporary sibling, so a failure never leaves half a CSV behind. */
  public static void write(List<SensorRow> rows, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        write(rows, out);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static String toCsv(List<SensorRow> rows) {
    StringWriter out = new StringWriter(rows.size() * 128);
    try {
      write(rows, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not throw
    }
    return out.toString();
  }

  public static List<SensorRow> read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in);
    }
  }

  /**
   * Reads rows by column name, so a real Urban Observatory export (which has more columns) works
   * too. "Sensor Name", "Variable", "Units", "Timestamp" and "Value" are required.
   *
   * @throws IllegalArgumentException naming the line and the column of the first malformed field
   */
  public static List<SensorRow> read(Reader reader) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    String header = in.readLine();
    if (header == null) {
      throw new IllegalArgumentException("empty CSV: no header line");
    }
    Map<String, Integer> index = new HashMap<>();
    List<String> names = split(stripBom(header), 1);
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    for (String required : SensorRow.COLUMNS.subList(0, 5)) {
      if (!index.containsKey(required)) {
        throw new IllegalArgumentException(
            "CSV header lacks column \"" + required + "\": " + header);
      }
    }
    List<SensorRow> rows = new ArrayList<>();
    String line;
    int number = 1;
    while ((line = in.readLine()) != null) {
      number++;
      if (!line.isEmpty()) {
        rows.add(parseRow(new Fields(split(line, number), index, number)));
      }
    }
    return rows;
  }

  private static SensorRow parseRow(Fields f) {
    return new SensorRow(
        f.text(SensorRow.SENSOR_NAME),
        f.text(SensorRow.VARIABLE),
        f.text(SensorRow.UNITS),
        f.time(SensorRow.TIMESTAMP),
        f.number(SensorRow.VALUE),
        f.optionalText(SensorRow.LOCATION),
        f.optionalNumber(SensorRow.GROUND_HEIGHT),
        f.optionalText(SensorRow.BROKER));
  }

  /** The fields of one line, looked up by column name. */
  private record Fields(List<String> values, Map<String, Integer> index, int line) {

    String text(String column) {
      Integer i = index.get(column);
      if (i == null || i >= values.size()) {
        throw new IllegalArgumentException("line " + line + ": no \"" + column + "\" field");
      }
      return values.get(i);
    }

    String optionalText(String column) {
      Integer i = index.get(column);
      return i == null || i >= values.size() ? "" : values.get(i);
    }

    double number(String column) {
      return parseNumber(column, text(column));
    }

    double optionalNumber(String column) {
      String text = optionalText(column);
      return text.isEmpty() ? Double.NaN : parseNumber(column, text);
    }

    LocalDateTime time(String column) {
      String text = text(column);
      try {
        return LocalDateTime.parse(text, SensorRow.TIME_FORMAT);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "line " + line + ": \"" + column + "\" is not yyyy-MM-dd HH:mm:ss: '" + text + "'", e);
      }
    }

    private double parseNumber(String column, String text) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "line " + line + ": \"" + column + "\" is not a number: '" + text + "'", e);
      }
    }
  }

  /** Splits one line; fields may be quoted, with {@code ""} for a quote inside. */
  private static List<String> split(String line, int number) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("line " + number + ": unterminated quoted field");
    }
    fields.add(field.toString());
    return fields;
  }

  private static String stripBom(String header) {
    return header.startsWith("\uFEFF") ? header.substring(1) : header;
  }

  private static StringBuilder quote(StringBuilder line, String text) {
    return line.append('"').append(text.replace("\"", "\"\"")).append('"');
  }

  /** The shortest decimal that reads back as the same double: {@code 21.4}, {@code 415}. */
  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
