package com.souq.commerce.shared.error;

import java.util.Objects;

/**
 * A command that breaks a business rule: an illegal state transition, an actor acting for someone else,
 * an input the domain refuses. Carries a stable {@link #code()} that clients can branch on and a
 * {@link Kind} that decides the HTTP status. Rejections another component must react to are events, not this.
 */
public class DomainRuleViolation extends RuntimeException {

    /** What kind of rule was broken; maps one-to-one onto an HTTP status. */
    public enum Kind {
        /** The target does not exist (404). */
        NOT_FOUND,
        /** The target's current state does not allow the command (409). */
        CONFLICT,
        /** The actor may not do this to this target (403). */
        FORBIDDEN,
        /** The command is well-formed but its content is refused (422). */
        UNPROCESSABLE
    }

    private final String code;
    private final Kind kind;

    public DomainRuleViolation(Kind kind, String code, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
    }

    public static DomainRuleViolation illegalTransition(String aggregate, Object from, String action) {
        return new DomainRuleViolation(Kind.CONFLICT, "ILLEGAL_STATE_TRANSITION",
                "A " + aggregate + " in state " + from + " cannot be " + action);
    }

    public static DomainRuleViolation forbidden(String code, String message) {
        return new DomainRuleViolation(Kind.FORBIDDEN, code, message);
    }

    public static DomainRuleViolation unprocessable(String code, String message) {
        return new DomainRuleViolation(Kind.UNPROCESSABLE, code, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The violation as a serializable value, so it survives a trip through a distributed command bus. */
    public DomainError toError() {
        return new DomainError(kind, code, getMessage());
    }
}
