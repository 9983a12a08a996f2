package com.souq.commerce.platform.security;

import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.vendor.api.VendorId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of a request as the domain sees it: its subject, its roles, and, for vendor staff, the vendor it acts
 * for (the token's {@code vendorId} claim).
 */
public record Actor(String subject, Set<Role> roles, Optional<String> vendorId) {

    public static final String VENDOR_CLAIM = "vendorId";

    /** Staff who read everything: administrators, support, auditors and analysts. */
    private static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.SUPPORT, Role.AUDITOR, Role.ANALYST);

    public static Actor of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring("ROLE_".length())));
                } catch (IllegalArgumentException unknown) {
                    // a role of another system: ignored
                }
            }
        }
        Optional<String> vendorId = authentication instanceof JwtAuthenticationToken jwt
                ? Optional.ofNullable(jwt.getToken().getClaimAsString(VENDOR_CLAIM))
                : Optional.empty();
        return new Actor(authentication.getName(), Collections.unmodifiableSet(roles), vendorId);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(STAFF::contains);
    }

    /** Refuses (403 {@code NOT_YOUR_VENDOR}) a caller who may not act for the given vendor. */
    public void requireActsFor(String vendor) {
        if (!actsFor(vendor)) {
            throw DomainRuleViolation.forbidden("NOT_YOUR_VENDOR", "You do not act for vendor " + vendor);
        }
    }

    /**
     * The vendor a command acts for: the token's vendor for vendor staff, null for administrators (who act for any
     * vendor, so no ownership check applies); 403 {@code NO_VENDOR_IN_TOKEN} for a vendor token without one.
     */
    public VendorId actingVendor() {
        if (is(Role.ADMIN)) {
            return null;
        }
        return vendorId.map(VendorId::of).orElseThrow(() -> DomainRuleViolation.forbidden("NO_VENDOR_IN_TOKEN",
                "This token does not say which vendor it acts for"));
    }

    /** Whether the caller may act for the given vendor: an administrator, or that vendor's own staff. */
    public boolean actsFor(String vendor) {
        return is(Role.ADMIN) || (is(Role.VENDOR) && vendorId.filter(vendor::equals).isPresent());
    }
}
