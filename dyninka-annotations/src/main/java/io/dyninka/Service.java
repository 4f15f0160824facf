package io.dyninka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method that becomes one HTTP service of a Dyninka app.
 *
 * <p>The method must be static, not private and not generic. Its parameters are the service's
 * inputs, pulled from the upstream services named by the {@link Dataflow} chain; its return value
 * (plain, {@code Future<T>} or {@code Optional<T>}) is the service's answer. Inputs and outputs
 * travel as JSON.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Service {

  /** The service name; defaults to the method name. Its kebab-case form names it in Kubernetes. */
  String name() default "";

  /** Runs the function on worker threads, for code that blocks (JDBC, files, sleeps). */
  boolean blocking() default false;

  /**
   * Says that calling the function twice for one request does no harm, so a pull from it may be
   * retried even after it started processing (a connection lost mid-answer). Pulls that failed to
   * connect are retried in any case.
   */
  boolean idempotent() default false;
}
