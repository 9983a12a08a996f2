package com.souq.commerce.operations.rebuild;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The PostgreSQL tables a projector (a {@code @ProcessingGroup} bean) owns alone: every table its handlers write and
 * no other group writes. A projector that names its tables can be rebuilt blue-green ({@link ReadModelRebuilds}): a
 * copy of exactly these tables is filled from the event store while queries read the originals, then swapped in.
 * Handlers must write through unqualified table names (the rebuild points the search path at the copy).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadModelTables {

    /** Table names, unqualified, in the engine's schema. */
    String[] value();
}
