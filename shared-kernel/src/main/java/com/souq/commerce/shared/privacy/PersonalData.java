package com.souq.commerce.shared.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of a person (name, email, phone, address line, free text they wrote) in an event or in a record an event
 * carries. In the event store it is encrypted with the key of the event's {@link DataSubject}; erasing that person
 * deletes the key, and from then on every reader sees {@link #ERASED} instead.
 *
 * <p>On a {@code String} component the text itself is personal. A record component (or a list of records) is gone
 * through: its own annotated components are.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** What an erased person's text reads as, everywhere: events, read models, exports, audit views. */
    String ERASED = "[erased]";
}
