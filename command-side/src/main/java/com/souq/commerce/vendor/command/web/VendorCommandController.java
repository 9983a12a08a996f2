package com.souq.commerce.vendor.command.web;

import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.web.ExpectedVersion;
import com.souq.commerce.platform.web.idempotency.IdempotentCommands;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.shared.pricing.ShippingPolicy;
import com.souq.commerce.vendor.api.ApplyAsVendorCommand;
import com.souq.commerce.vendor.api.ApproveVendorCommand;
import com.souq.commerce.vendor.api.ChangeCommissionPlanCommand;
import com.souq.commerce.vendor.api.CommissionPlan;
import com.souq.commerce.vendor.api.KycDocumentType;
import com.souq.commerce.vendor.api.ReinstateVendorCommand;
import com.souq.commerce.vendor.api.RejectVendorCommand;
import com.souq.commerce.vendor.api.SetShippingPolicyCommand;
import com.souq.commerce.vendor.api.SubmitKycDocumentCommand;
import com.souq.commerce.vendor.api.SuspendVendorCommand;
import com.souq.commerce.vendor.api.VendorId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vendor onboarding over HTTP: a seller applies and hands in KYC documents; administrators approve, reject,
 * suspend, reinstate and set the commission plan. Answers 201 with the new id for the application, 202 otherwise.
 */
@RestController
@RequestMapping("/api/v1/vendors")
@Tag(name = "vendors")
class VendorCommandController {

    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final IdempotentCommands idempotency;
    private final Rate defaultCommission;

    VendorCommandController(CommandGateway commands, IdempotentCommands idempotency,
                            @Value("${souq.vendor.default-commission-rate}") int defaultCommissionBasisPoints) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.defaultCommission = new Rate(defaultCommissionBasisPoints);
    }

    record Application(
            @NotBlank @Size(max = 120) String displayName,
            @NotBlank @Size(max = 200) String legalName,
            @NotNull CountryCode country,
            @NotNull Currency currency,
            @NotBlank @Email @Size(max = 254) String contactEmail) {
    }

    record KycDocument(@NotNull KycDocumentType documentType,
                       @NotBlank @Size(max = 200) @Pattern(regexp = "[\\p{L}\\p{N}._:/-]+") String reference) {
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    record CommissionPlanRequest(
            @NotNull @Min(0) @Max(10_000) Integer defaultRate,
            @Size(max = 100) Map<@Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") @Size(max = 64) String,
                    @NotNull @Min(0) @Max(10_000) Integer> categoryRates) {

        CommissionPlan toPlan() {
            Map<String, Rate> rates = new TreeMap<>();
            if (categoryRates != null) {
                categoryRates.forEach((category, basisPoints) -> rates.put(category, new Rate(basisPoints)));
            }
            return new CommissionPlan(new Rate(defaultRate), rates);
        }
    }

    record Amount(@NotNull @PositiveOrZero Long minorUnits, @NotNull Currency currency) {

        Money toMoney() {
            return new Money(minorUnits, currency);
        }
    }

    record ShippingPolicyRequest(@NotNull @Valid Amount flatFee, @Valid Amount freeFrom) {
    }

    record Accepted(VendorId vendorId) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CUSTOMER', 'VENDOR')")
    @Operation(summary = "Apply to sell on the marketplace (Idempotency-Key required)")
    ResponseEntity<?> apply(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                            @Valid @RequestBody Application application, Principal applicant) {
        return idempotency.execute(idempotencyKey, application, () -> {
            VendorId vendorId = VendorId.random();
            commands.sendAndWait(new ApplyAsVendorCommand(vendorId, applicant.getName(), application.displayName(),
                    application.legalName(), application.country(), application.currency(),
                    application.contactEmail(), CommissionPlan.flat(defaultCommission)), TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
            return ResponseEntity.created(URI.create("/api/v1/vendors/" + vendorId)).body(new Accepted(vendorId));
        });
    }

    @PostMapping("/{vendorId}/kyc-documents")
    @PreAuthorize("hasAnyRole('CUSTOMER', 'VENDOR')")
    @Operation(summary = "Hand in a KYC document; the first one puts the vendor under review")
    ResponseEntity<Accepted> submitKycDocument(@PathVariable String vendorId,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody KycDocument document, Principal applicant) {
        return send(VendorId.of(vendorId), new SubmitKycDocumentCommand(VendorId.of(vendorId),
                document.documentType(), document.reference(), applicant.getName(),
                ExpectedVersion.fromIfMatch(ifMatch)));
    }

    @PostMapping("/{vendorId}/approval")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Approve a vendor under review")
    ResponseEntity<Accepted> approve(@PathVariable String vendorId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(VendorId.of(vendorId),
                new ApproveVendorCommand(VendorId.of(vendorId), ExpectedVersion.fromIfMatch(ifMatch)));
    }

    @PostMapping("/{vendorId}/rejection")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Reject a vendor under review")
    ResponseEntity<Accepted> reject(@PathVariable String vendorId,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                    @Valid @RequestBody Reason reason) {
        return send(VendorId.of(vendorId), new RejectVendorCommand(VendorId.of(vendorId), reason.reason(),
                ExpectedVersion.fromIfMatch(ifMatch)));
    }

    @PostMapping("/{vendorId}/suspension")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Suspend an approved vendor")
    ResponseEntity<Accepted> suspend(@PathVariable String vendorId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody Reason reason) {
        return send(VendorId.of(vendorId), new SuspendVendorCommand(VendorId.of(vendorId), reason.reason(),
                ExpectedVersion.fromIfMatch(ifMatch)));
    }

    @PostMapping("/{vendorId}/reinstatement")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Reinstate a suspended vendor")
    ResponseEntity<Accepted> reinstate(@PathVariable String vendorId,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return send(VendorId.of(vendorId),
                new ReinstateVendorCommand(VendorId.of(vendorId), ExpectedVersion.fromIfMatch(ifMatch)));
    }

    @PutMapping("/{vendorId}/commission-plan")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set the commission plan (basis points) for the vendor's future orders")
    ResponseEntity<Accepted> changeCommissionPlan(@PathVariable String vendorId,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                  @Valid @RequestBody CommissionPlanRequest plan) {
        return send(VendorId.of(vendorId), new ChangeCommissionPlanCommand(VendorId.of(vendorId), plan.toPlan(),
                ExpectedVersion.fromIfMatch(ifMatch)));
    }

    @PutMapping("/{vendorId}/shipping-policy")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "Set the shipping fee per order and the order value from which shipping is free")
    ResponseEntity<Accepted> setShippingPolicy(@PathVariable String vendorId,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody ShippingPolicyRequest policy,
                                               Authentication caller) {
        Actor.of(caller).requireActsFor(vendorId);
        return send(VendorId.of(vendorId), new SetShippingPolicyCommand(VendorId.of(vendorId),
                new ShippingPolicy(policy.flatFee().toMoney(),
                        policy.freeFrom() == null ? null : policy.freeFrom().toMoney()),
                ExpectedVersion.fromIfMatch(ifMatch)));
    }

    private ResponseEntity<Accepted> send(VendorId vendorId, Object command) {
        commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return ResponseEntity.accepted().body(new Accepted(vendorId));
    }
}
