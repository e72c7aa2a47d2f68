package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-time declaration of Stapler's {@code DataBoundSetter} (Jenkins' Stapler; Hudson 3.3.2's has none):
 * RUNTIME retention on methods and fields, as Jenkins reads it by reflection. Never packaged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface DataBoundSetter {
}
