package com.souq.commerce.account.command.web;

import com.souq.commerce.account.command.AbuseSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The address a request came from, as the rate limits count it: the peer's address, or, when the peer is one of
 * {@code souq.abuse.trusted-proxies}, the nearest address in {@code X-Forwarded-For} that is not a trusted proxy.
 * A client cannot pick its own address by sending the header directly.
 */
@Component
class ClientAddress {

    private final List<String> trustedProxies;

    ClientAddress(AbuseSettings settings) {
        this.trustedProxies = List.copyOf(settings.trustedProxies());
    }

    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }
}
