package com.souq.commerce.vendor.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.souq.commerce.platform.axon.AggregateCaching;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.pricing.ShippingPolicy;
import com.souq.commerce.vendor.api.ApplyAsVendorCommand;
import com.souq.commerce.vendor.api.ApproveVendorCommand;
import com.souq.commerce.vendor.api.ChangeCommissionPlanCommand;
import com.souq.commerce.vendor.api.CommissionPlan;
import com.souq.commerce.vendor.api.CommissionPlanChangedEvent;
import com.souq.commerce.vendor.api.KycDocumentSubmittedEvent;
import com.souq.commerce.vendor.api.KycDocumentType;
import com.souq.commerce.vendor.api.ReinstateVendorCommand;
import com.souq.commerce.vendor.api.RejectVendorCommand;
import com.souq.commerce.vendor.api.SetShippingPolicyCommand;
import com.souq.commerce.vendor.api.ShippingPolicySetEvent;
import com.souq.commerce.vendor.api.SubmitKycDocumentCommand;
import com.souq.commerce.vendor.api.SuspendVendorCommand;
import com.souq.commerce.vendor.api.VendorAppliedEvent;
import com.souq.commerce.vendor.api.VendorApprovedEvent;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.api.VendorReinstatedEvent;
import com.souq.commerce.vendor.api.VendorRejectedEvent;
import com.souq.commerce.vendor.api.VendorStatus;
import com.souq.commerce.vendor.api.VendorSuspendedEvent;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A seller on the marketplace, from application to approval and, at times, suspension.
 *
 * <p>Lifecycle: APPLIED → (first KYC document) UNDER_REVIEW → APPROVED or REJECTED; APPROVED ↔ SUSPENDED.
 * Invariants: only the applicant submits KYC documents; only a vendor under review is approved or rejected;
 * a rejected vendor is final; only an approved vendor is suspended and only a suspended one reinstated; shipping
 * fees are in the vendor's currency (shipping is free until a policy is set).
 * Repeating a command whose effect already holds (approving an approved vendor, the same document twice,
 * the same plan) changes nothing, so retries are harmless.
 */
@Aggregate(cache = AggregateCaching.CACHE)
class Vendor {

    @AggregateIdentifier
    private VendorId vendorId;
    private VendorStatus status;
    private String applicantSubject;
    private Currency currency;
    private CommissionPlan commissionPlan;
    private ShippingPolicy shippingPolicy;
    private final Set<SubmittedDocument> documents = new HashSet<>();

    protected Vendor() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    Vendor(ApplyAsVendorCommand command) {
        apply(new VendorAppliedEvent(command.vendorId(), command.applicantSubject(), command.displayName(),
                command.legalName(), command.country(), command.currency(), command.contactEmail(),
                command.commissionPlan()));
    }

    @CommandHandler
    void handle(SubmitKycDocumentCommand command) {
        if (!isApplicant(command.submittedBy())) {
            throw DomainRuleViolation.forbidden("NOT_THE_APPLICANT",
                    "Only the applicant submits KYC documents for vendor " + vendorId);
        }
        if (!acceptsDocuments()) {
            throw DomainRuleViolation.illegalTransition("vendor", status, "given KYC documents");
        }
        if (documents.contains(new SubmittedDocument(command.documentType(), command.reference()))) {
            return;
        }
        apply(new KycDocumentSubmittedEvent(vendorId, command.documentType(), command.reference()));
    }

    @CommandHandler
    void handle(ApproveVendorCommand command) {
        if (status == VendorStatus.APPROVED) {
            return;
        }
        if (status != VendorStatus.UNDER_REVIEW) {
            throw DomainRuleViolation.illegalTransition("vendor", status, "approved");
        }
        apply(new VendorApprovedEvent(vendorId));
    }

    @CommandHandler
    void handle(RejectVendorCommand command) {
        if (status == VendorStatus.REJECTED) {
            return;
        }
        if (status != VendorStatus.UNDER_REVIEW) {
            throw DomainRuleViolation.illegalTransition("vendor", status, "rejected");
        }
        apply(new VendorRejectedEvent(vendorId, command.reason()));
    }

    @CommandHandler
    void handle(SuspendVendorCommand command) {
        if (status == VendorStatus.SUSPENDED) {
            return;
        }
        if (status != VendorStatus.APPROVED) {
            throw DomainRuleViolation.illegalTransition("vendor", status, "suspended");
        }
        apply(new VendorSuspendedEvent(vendorId, command.reason()));
    }

    @CommandHandler
    void handle(ReinstateVendorCommand command) {
        if (status == VendorStatus.APPROVED) {
            return;
        }
        if (status != VendorStatus.SUSPENDED) {
            throw DomainRuleViolation.illegalTransition("vendor", status, "reinstated");
        }
        apply(new VendorReinstatedEvent(vendorId));
    }

    @CommandHandler
    void handle(ChangeCommissionPlanCommand command) {
        if (status == VendorStatus.REJECTED) {
            throw DomainRuleViolation.illegalTransition("vendor", status, "given a commission plan");
        }
        if (commissionPlan.equals(command.commissionPlan())) {
            return;
        }
        apply(new CommissionPlanChangedEvent(vendorId, commissionPlan, command.commissionPlan()));
    }

    @CommandHandler
    void handle(SetShippingPolicyCommand command) {
        if (status == VendorStatus.REJECTED) {
            throw DomainRuleViolation.illegalTransition("vendor", status, "given a shipping policy");
        }
        if (!command.policy().flatFee().currency().equals(currency)) {
            throw DomainRuleViolation.unprocessable("CURRENCY_NOT_SOLD", "The vendor sells in "
                    + currency.getCurrencyCode() + ", not " + command.policy().flatFee().currency().getCurrencyCode());
        }
        if (command.policy().equals(shippingPolicy)) {
            return;
        }
        apply(new ShippingPolicySetEvent(vendorId, shippingPolicy, command.policy()));
    }

    VendorStanding standing() {
        return new VendorStanding(vendorId, status, currency,
                shippingPolicy == null ? ShippingPolicy.free(currency) : shippingPolicy);
    }

    private boolean isApplicant(String subject) {
        return applicantSubject.equals(subject);
    }

    private boolean acceptsDocuments() {
        return status == VendorStatus.APPLIED || status == VendorStatus.UNDER_REVIEW;
    }

    @EventSourcingHandler
    void on(VendorAppliedEvent event) {
        vendorId = event.vendorId();
        applicantSubject = event.applicantSubject();
        currency = event.currency();
        commissionPlan = event.commissionPlan();
        status = VendorStatus.APPLIED;
    }

    @EventSourcingHandler
    void on(KycDocumentSubmittedEvent event) {
        documents.add(new SubmittedDocument(event.documentType(), event.reference()));
        status = VendorStatus.UNDER_REVIEW;
    }

    @EventSourcingHandler
    void on(VendorApprovedEvent event) {
        status = VendorStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(VendorRejectedEvent event) {
        status = VendorStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(VendorSuspendedEvent event) {
        status = VendorStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(VendorReinstatedEvent event) {
        status = VendorStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ShippingPolicySetEvent event) {
        shippingPolicy = event.policy();
    }

    @EventSourcingHandler
    void on(CommissionPlanChangedEvent event) {
        commissionPlan = event.newPlan();
    }

    private record SubmittedDocument(KycDocumentType type, String reference) {
    }
}
