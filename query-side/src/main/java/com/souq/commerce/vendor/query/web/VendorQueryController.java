package com.souq.commerce.vendor.query.web;

import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.web.ExpectedVersion;
import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.platform.web.Problems;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.api.VendorStatus;
import com.souq.commerce.vendor.query.api.FindVendorQuery;
import com.souq.commerce.vendor.query.api.FindVendorsQuery;
import com.souq.commerce.vendor.query.api.VendorView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor directory: staff list and read every vendor; an applicant reads its own application.
 * A read answers the view's version as its {@code ETag}.
 */
@RestController
@RequestMapping("/api/v1/vendors")
@Tag(name = "vendors")
class VendorQueryController {


    private final QueryGateway queries;

    VendorQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{vendorId}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One vendor (staff, or the applicant itself)")
    ResponseEntity<?> vendor(@PathVariable String vendorId, Authentication caller) {
        Optional<VendorView> vendor = queries.query(new FindVendorQuery(VendorId.of(vendorId)),
                ResponseTypes.optionalInstanceOf(VendorView.class)).join();
        if (vendor.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "No vendor with id " + vendorId));
        }
        if (!Actor.of(caller).isStaff() && !vendor.get().applicantSubject().equals(caller.getName())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Only staff and the applicant see a vendor"));
        }
        return ResponseEntity.ok().eTag(ExpectedVersion.entityTag(vendor.get().version())).body(vendor.get());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPPORT', 'AUDITOR', 'ANALYST')")
    @Operation(summary = "Vendors, newest applications first, optionally in one status")
    @SuppressWarnings("unchecked")
    PageResult<VendorView> vendors(@RequestParam(required = false) VendorStatus status,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.query(new FindVendorsQuery(status, page, size), ResponseTypes.instanceOf(PageResult.class))
                .join();
    }
}
