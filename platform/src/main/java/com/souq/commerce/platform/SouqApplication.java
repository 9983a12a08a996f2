package com.souq.commerce.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Marks one of the engine's launchers (the single-process engine, the command side, the query side). Each scans
 * every {@code com.souq.commerce} package on its classpath but never another launcher, so the same code runs as
 * one process or as separate services depending only on which modules are on the classpath.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "com.souq.commerce",
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SouqApplication.class))
public @interface SouqApplication {
}
