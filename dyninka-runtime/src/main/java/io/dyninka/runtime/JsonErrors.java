package io.dyninka.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;

/** Says what is wrong with a JSON body in one line, without echoing the body back. */
final class JsonErrors {

  private JsonErrors() {}

  static String describe(IOException e) {
    if (e instanceof JsonProcessingException json) {
      String message = json.getOriginalMessage();
      String where =
          json.getLocation() == null
              ? ""
              : " (line "
                  + json.getLocation().getLineNr()
                  + ", column "
                  + json.getLocation().getColumnNr()
                  + ")";
      return clip(message) + where;
    }
    return clip(e.getMessage());
  }

  private static String clip(String message) {
    if (message == null) {
      return "unreadable JSON";
    }
    String firstLine = message.lines().findFirst().orElse(message);
    return firstLine.length() > 200 ? firstLine.substring(0, 200) + "…" : firstLine;
  }
}
