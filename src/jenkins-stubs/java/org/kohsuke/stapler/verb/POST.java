package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-time declaration of Stapler's {@code POST} (Jenkins' Stapler; Hudson 3.3.2's has none): a web method that
 * answers POST only, RUNTIME retention on methods. Never packaged; Jenkins' Stapler supplies the real one, with its
 * interceptor.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface POST {
}
