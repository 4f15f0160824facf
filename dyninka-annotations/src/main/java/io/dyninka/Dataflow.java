package io.dyninka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static method whose body holds one {@link Flow} chain: the app.
 *
 * <p>The annotation processor reads the chain from the method body. Where the body cannot be read
 * (Kotlin kapt stubs, the Eclipse compiler), {@link #steps()} gives the chain by service names.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Dataflow {

  /** The app name, a DNS-1035 label; defaults to the kebab-case form of the class name. */
  String name() default "";

  /**
   * The chain as service names, head first, for sources whose method bodies cannot be read. The
   * kind of each step (source, request input, plain, async, optional) follows from the service's
   * signature. Empty means: read the chain from the method body.
   */
  String[] steps() default {};
}
