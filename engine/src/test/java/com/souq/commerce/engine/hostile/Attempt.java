package com.souq.commerce.engine.hostile;

import java.util.List;
import java.util.Map;

/**
 * One hostile request and what the engine may answer to it.
 *
 * @param caller  whose token is sent: a role name, {@link #ANONYMOUS}, or {@link #AS_GIVEN} when the attempt sets its
 *                own {@code Authorization} header
 * @param target  the path and query exactly as sent (already percent-encoded where it is to be)
 * @param body    the request body's bytes, or null for none
 * @param stored  for an {@link Verdict#ACCEPTABLE} text: the text that must reach the store verbatim if it is accepted
 */
record Attempt(Endpoint endpoint, String what, String method, String target, List<Map.Entry<String, String>> headers,
               byte[] body, String caller, Verdict verdict, String stored) {

    static final String ANONYMOUS = "ANONYMOUS";
    static final String AS_GIVEN = "AS_GIVEN";

    enum Verdict {
        /** Invalid: a 4xx problem, and nothing written. */
        REFUSED,
        /** A 4xx problem or a 2xx, and nothing written either way (a read, or a command that changes nothing). */
        HARMLESS,
        /** Valid input: a 4xx problem writing nothing, or a 2xx that stores any text it carried verbatim. */
        ACCEPTABLE
    }

    Attempt as(String otherCaller) {
        return new Attempt(endpoint, what, method, target, headers, body, otherCaller, verdict, stored);
    }

    @Override
    public String toString() {
        return method + " " + (target.length() > 160 ? target.substring(0, 160) + "…" : target) + " [" + what
                + ", " + caller + "]";
    }
}
