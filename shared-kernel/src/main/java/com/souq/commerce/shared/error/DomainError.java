package com.souq.commerce.shared.error;

/**
 * The serializable description of a refused command, sent back as the details of a command execution failure
 * so that the HTTP edge answers the same problem whether the handler ran in this process or on another node.
 */
public record DomainError(DomainRuleViolation.Kind kind, String code, String message) {
}
