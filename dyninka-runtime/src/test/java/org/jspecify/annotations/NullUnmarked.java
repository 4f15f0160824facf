package org.jspecify.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * JSpecify's annotation of this name, for tests: the runtime finds nullness annotations by name, so
 * an app's own JSpecify jar and this copy are read alike, and the runtime does not depend on it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.MODULE,
  ElementType.PACKAGE,
  ElementType.TYPE,
  ElementType.METHOD,
  ElementType.CONSTRUCTOR
})
public @interface NullUnmarked {}
