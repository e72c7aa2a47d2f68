package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-time declaration of {@code org.jenkinsci.Symbol} (lib-symbol-annotation): RUNTIME retention, as Jenkins'
 * SymbolLookup reads it by reflection. The real one is also {@code @Indexed}; its index is committed by hand
 * ({@code META-INF/services/annotations/org.jenkinsci.Symbol}). Never packaged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Symbol {
    String[] value();
}
