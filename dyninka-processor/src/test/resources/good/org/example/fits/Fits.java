package org.example.fits;

import io.dyninka.Dataflow;
import io.dyninka.Flow;
import io.dyninka.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps whose services take what the flow yields in every way javac accepts: boxing, unboxing and
 * widening, a supertype, a wildcard, and item types written in the chain.
 */
public class Fits {
  public interface Priced {
    double price();
  }

  public record Quote(double price) implements Priced {}

  @Service
  static int count() {
    return 2;
  }

  @Service
  static long widened(long count) {
    return count * 10;
  }

  @Service
  static Quote quoteOf(Long amount) {
    return new Quote(amount);
  }

  @Service
  static double priceOf(Priced priced) {
    return priced.price();
  }

  @Dataflow(name = "conversions")
  static Flow<Double> conversions() {
    return Flow.from(Fits::count)
        .then(Fits::widened)
        .then(Fits::quoteOf)
        .then(Fits::priceOf);
  }

  @Service
  static ArrayList<Quote> quotes() {
    return new ArrayList<>(List.of(new Quote(1)));
  }

  @Service
  static double total(List<? extends Quote> all) {
    return all.stream().mapToDouble(Quote::price).sum();
  }

  @Service
  static String described(Object anything) {
    return String.valueOf(anything);
  }

  @Service
  static Quote offer() {
    return new Quote(3);
  }

  @Service
  static String joined(double total, Object priced) {
    return total + " " + priced;
  }

  @Dataflow(name = "declared")
  static Flow<String> declared() {
    Flow<ArrayList<Quote>> quotes = Flow.from(Fits::quotes);
    Flow<Priced> priced = Flow.from(Fits::offer);
    var total = quotes.then(Fits::total);
    return Flow.zip(total, priced, Fits::joined).then(Fits::described);
  }

  @Service
  static double discounted(Quote quote) {
    return quote.price() * 0.9;
  }

  @Dataflow(name = "request")
  static Flow<Double> request() {
    Flow<Quote> quote = Flow.input(Quote.class);
    return quote.then(Fits::discounted);
  }
}
