package org.example.bad;

import io.dyninka.Service;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Inputs and outputs that cannot travel as JSON. */
public class NotJson {
  @Service
  static int thread(Thread worker) {
    return 1;
  }

  @Service
  static int stream(InputStream body) {
    return 1;
  }

  @Service
  static int reader(BufferedReader lines) {
    return 1;
  }

  @Service
  static int vertx(Vertx vertx) {
    return 1;
  }

  @Service
  static int function(Function<String, String> f) {
    return 1;
  }

  @Service
  static int type(Class<?> type) {
    return 1;
  }

  @Service
  static int maybe(Optional<String> maybe) {
    return 1;
  }

  @Service
  static Future<Optional<String>> nestedWrapper() {
    return Future.succeededFuture(Optional.empty());
  }

  @Service
  static List<Future<String>> futures() {
    return List.of();
  }

  @Service
  static Stream<String> lazy() {
    return Stream.of();
  }

  @SuppressWarnings("rawtypes")
  @Service
  static Future raw() {
    return Future.succeededFuture();
  }

  @Service
  static Object anything(Object value) {
    return value;
  }
}
