package com.souq.commerce.saga.payment.web;

import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentStatus;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentFailureCommand;
import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.security.Role;
import com.souq.commerce.saga.payment.SandboxGateway;
import com.souq.commerce.shared.error.DomainRuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox provider's page for the shopper's extra step ({@code requires-action}): the shopper who owns the
 * payment, or an administrator, approves or declines, and the engine hears it as it would hear a real provider's
 * callback. 202 once recorded; 404 for an unknown payment, 403 for another customer's, 409 when the payment is not a
 * sandbox payment waiting for its extra step. Exists only while the sandbox is enabled.
 */
@RestController
@ConditionalOnProperty(name = "souq.payments.sandbox.enabled", havingValue = "true", matchIfMissing = true)
@PreAuthorize("hasAnyRole('CUSTOMER', 'ADMIN')")
@Tag(name = "payments")
class SandboxActionController {

    static final String DECLINED = "authentication_failed: the shopper declined the sandbox's extra step";
    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final EventStore events;

    SandboxActionController(CommandGateway commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    record Action(@NotNull @Pattern(regexp = PaymentInstruction.SANDBOX_APPROVE + "|"
            + PaymentInstruction.SANDBOX_DECLINE, message = "must be approve or decline") String outcome) {
    }

    record ActionTaken(PaymentId paymentId, String outcome) {
    }

    @PostMapping("/api/v1/payments/{paymentId}/sandbox/action")
    @Operation(summary = "Approve or decline a sandbox payment's extra step, as its shopper (or an administrator)")
    ResponseEntity<ActionTaken> act(@PathVariable String paymentId, @Valid @RequestBody Action action,
                                    Authentication caller) {
        PaymentId id = PaymentId.of(paymentId);
        PaymentRecord payment = PaymentRecord.read(events, id).orElseThrow(() -> new DomainRuleViolation(
                DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND", "No payment with id " + id));
        Actor actor = Actor.of(caller);
        if (!actor.is(Role.ADMIN) && !payment.customerSubject().equals(actor.subject())) {
            throw DomainRuleViolation.forbidden("NOT_YOUR_PAYMENT", "Payment " + id + " is another customer's");
        }
        if (payment.provider() != PaymentProvider.SANDBOX) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "NOT_A_SANDBOX_PAYMENT",
                    "Payment " + id + " is paid with " + payment.provider() + ", not the sandbox");
        }
        if (payment.status() != PaymentStatus.REQUIRES_ACTION) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "NO_ACTION_PENDING",
                    "Payment " + id + " is " + payment.status() + ": it waits for no extra step");
        }
        String reference = SandboxGateway.referenceOf(id);
        Object callback = PaymentInstruction.SANDBOX_APPROVE.equals(action.outcome())
                ? new RecordPaymentAuthorizationCommand(id, reference, payment.amount())
                : new RecordPaymentFailureCommand(id, reference, DECLINED);
        commands.sendAndWait(callback, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return ResponseEntity.accepted().body(new ActionTaken(id, action.outcome()));
    }
}
