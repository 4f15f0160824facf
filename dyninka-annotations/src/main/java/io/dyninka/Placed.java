package io.dyninka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Places a static field on one service: state kept between invocations of that service only.
 *
 * <p>Each service runs in its own JVM, so the field is real state only in the service it is placed
 * on; the processor rejects any other service that reads or writes it. A service with placed state
 * runs its invocations one at a time, so the field needs no synchronisation.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Placed {

  /** The name of the service that owns this state. */
  String value();
}
