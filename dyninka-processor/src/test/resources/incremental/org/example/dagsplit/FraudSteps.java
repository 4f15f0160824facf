package org.example.dagsplit;

import io.dyninka.Service;
import java.util.Optional;

/** The services of the Fraud DAG. */
public class FraudSteps {
  @Service
  static Optional<Integer> check(int amount) {
    return amount > 0 ? Optional.of(amount) : Optional.empty();
  }

  @Service
  static double rate(int amount) {
    return amount / 2.0;
  }

  @Service
  static String bank(int amount) {
    return "bank/" + amount;
  }

  @Service
  static String verdict(double rate, String bank) {
    return bank + ":" + rate;
  }
}
