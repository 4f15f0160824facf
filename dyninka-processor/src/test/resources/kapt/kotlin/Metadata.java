package kotlin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The shape of kotlin-stdlib's {@code kotlin.Metadata}, which every kapt stub carries. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Metadata {
  int k() default 1;

  int[] mv() default {};

  String[] d1() default {};

  String[] d2() default {};

  int xi() default 0;
}
