package com.souq.commerce.platform.security;

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

    /** Whether the caller may act for the given vendor: an administrator, or that vendor's own staff. */
    public boolean actsFor(String vendor) {
        return is(Role.ADMIN) || (is(Role.VENDOR) && vendorId.filter(vendor::equals).isPresent());
    }
}
