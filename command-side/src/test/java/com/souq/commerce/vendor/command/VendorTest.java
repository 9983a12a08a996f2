package com.souq.commerce.vendor.command;

import static com.souq.commerce.vendor.command.VendorFixture.APPLICANT;
import static com.souq.commerce.vendor.command.VendorFixture.TEN_PERCENT;
import static com.souq.commerce.vendor.command.VendorFixture.VENDOR;

import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.shared.pricing.ShippingPolicy;
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
import com.souq.commerce.vendor.api.VendorApprovedEvent;
import com.souq.commerce.vendor.api.VendorReinstatedEvent;
import com.souq.commerce.vendor.api.VendorRejectedEvent;
import com.souq.commerce.vendor.api.VendorSuspendedEvent;
import java.util.Map;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VendorTest {

    private FixtureConfiguration<Vendor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Vendor.class);
    }

    @Test
    void applyingRecordsTheApplication() {
        fixture.givenNoPriorActivity()
                .when(VendorFixture.application())
                .expectSuccessfulHandlerExecution()
                .expectEvents(VendorFixture.applied());
    }

    @Test
    void firstKycDocumentPutsTheVendorUnderReview() {
        fixture.given(VendorFixture.applied())
                .when(new SubmitKycDocumentCommand(VENDOR, KycDocumentType.COMMERCIAL_REGISTRATION,
                        "cr-2026-114455", APPLICANT, null))
                .expectEvents(VendorFixture.commercialRegistration());
    }

    @Test
    void sameKycDocumentTwiceChangesNothing() {
        fixture.given(VendorFixture.underReview())
                .when(new SubmitKycDocumentCommand(VENDOR, KycDocumentType.COMMERCIAL_REGISTRATION,
                        "cr-2026-114455", APPLICANT, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void furtherKycDocumentsAreAcceptedUnderReview() {
        fixture.given(VendorFixture.underReview())
                .when(new SubmitKycDocumentCommand(VENDOR, KycDocumentType.TAX_REGISTRATION, "tax-99-1", APPLICANT,
                        null))
                .expectEvents(new KycDocumentSubmittedEvent(VENDOR, KycDocumentType.TAX_REGISTRATION, "tax-99-1"));
    }

    @Test
    void onlyTheApplicantSubmitsKycDocuments() {
        fixture.given(VendorFixture.applied())
                .when(new SubmitKycDocumentCommand(VENDOR, KycDocumentType.NATIONAL_ID, "nid-1", "someone-else", null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Only the applicant submits KYC documents for vendor " + VENDOR)
                .expectNoEvents();
    }

    @Test
    void approvedVendorTakesNoMoreKycDocuments() {
        fixture.given(VendorFixture.approved())
                .when(new SubmitKycDocumentCommand(VENDOR, KycDocumentType.PASSPORT, "p-1", APPLICANT, null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void vendorUnderReviewIsApproved() {
        fixture.given(VendorFixture.underReview())
                .when(new ApproveVendorCommand(VENDOR, null))
                .expectEvents(new VendorApprovedEvent(VENDOR));
    }

    @Test
    void cannotApproveWithoutKycDocuments() {
        fixture.given(VendorFixture.applied())
                .when(new ApproveVendorCommand(VENDOR, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A vendor in state APPLIED cannot be approved")
                .expectNoEvents();
    }

    @Test
    void approvingAnApprovedVendorChangesNothing() {
        fixture.given(VendorFixture.approved())
                .when(new ApproveVendorCommand(VENDOR, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void vendorUnderReviewIsRejected() {
        fixture.given(VendorFixture.underReview())
                .when(new RejectVendorCommand(VENDOR, "registration expired", null))
                .expectEvents(new VendorRejectedEvent(VENDOR, "registration expired"));
    }

    @Test
    void rejectedVendorCannotBeApproved() {
        fixture.given(VendorFixture.applied(), VendorFixture.commercialRegistration(),
                        new VendorRejectedEvent(VENDOR, "registration expired"))
                .when(new ApproveVendorCommand(VENDOR, null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void approvedVendorCannotBeRejected() {
        fixture.given(VendorFixture.approved())
                .when(new RejectVendorCommand(VENDOR, "too late", null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void approvedVendorIsSuspendedAndReinstated() {
        fixture.given(VendorFixture.approved())
                .when(new SuspendVendorCommand(VENDOR, "counterfeit parts reported", null))
                .expectEvents(new VendorSuspendedEvent(VENDOR, "counterfeit parts reported"));

        fixture.given(VendorFixture.applied(), VendorFixture.commercialRegistration(), new VendorApprovedEvent(VENDOR),
                        new VendorSuspendedEvent(VENDOR, "counterfeit parts reported"))
                .when(new ReinstateVendorCommand(VENDOR, null))
                .expectEvents(new VendorReinstatedEvent(VENDOR));
    }

    @Test
    void cannotSuspendVendorUnderReview() {
        fixture.given(VendorFixture.underReview())
                .when(new SuspendVendorCommand(VENDOR, "no reason", null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotReinstateVendorThatIsNotSuspended() {
        fixture.given(VendorFixture.underReview())
                .when(new ReinstateVendorCommand(VENDOR, null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void suspendingSuspendedVendorChangesNothing() {
        fixture.given(VendorFixture.applied(), VendorFixture.commercialRegistration(), new VendorApprovedEvent(VENDOR),
                        new VendorSuspendedEvent(VENDOR, "first"))
                .when(new SuspendVendorCommand(VENDOR, "second", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void commissionPlanChangeKeepsThePreviousPlan() {
        CommissionPlan partsCheaper = new CommissionPlan(new Rate(1_000), Map.of("spare-parts", new Rate(700)));
        fixture.given(VendorFixture.approved())
                .when(new ChangeCommissionPlanCommand(VENDOR, partsCheaper, null))
                .expectEvents(new CommissionPlanChangedEvent(VENDOR, TEN_PERCENT, partsCheaper));
    }

    @Test
    void sameCommissionPlanChangesNothing() {
        fixture.given(VendorFixture.approved())
                .when(new ChangeCommissionPlanCommand(VENDOR, CommissionPlan.flat(new Rate(1_000)), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectedVendorGetsNoCommissionPlan() {
        fixture.given(VendorFixture.applied(), VendorFixture.commercialRegistration(),
                        new VendorRejectedEvent(VENDOR, "no"))
                .when(new ChangeCommissionPlanCommand(VENDOR, CommissionPlan.flat(new Rate(500)), null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void vendorSetsItsShippingPolicyInItsCurrency() {
        ShippingPolicy policy = new ShippingPolicy(Money.of(50_00, "EGP"), Money.of(1_000_00, "EGP"));
        fixture.given(VendorFixture.approved())
                .when(new SetShippingPolicyCommand(VENDOR, policy, null))
                .expectEvents(new ShippingPolicySetEvent(VENDOR, null, policy));
        fixture.given(VendorFixture.applied(), new ShippingPolicySetEvent(VENDOR, null, policy))
                .when(new SetShippingPolicyCommand(VENDOR, policy, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shippingFeeInAnotherCurrencyIsRefused() {
        fixture.given(VendorFixture.approved())
                .when(new SetShippingPolicyCommand(VENDOR, new ShippingPolicy(Money.of(20_00, "SAR"), null), null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The vendor sells in EGP, not SAR")
                .expectNoEvents();
    }

    @Test
    void staleExpectedVersionIsRefused() {
        fixture.given(VendorFixture.underReview())
                .when(new ApproveVendorCommand(VENDOR, 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void currentExpectedVersionIsAccepted() {
        fixture.given(VendorFixture.underReview())
                .when(new ApproveVendorCommand(VENDOR, 1L))
                .expectEvents(new VendorApprovedEvent(VENDOR));
    }
}
