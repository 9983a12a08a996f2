package com.souq.commerce.engine.support;

import java.util.Locale;
import java.util.Map;

/** Request bodies of the vendor API, as a storefront would send them. */
public final class VendorRequests {

    private VendorRequests() {
    }

    public static Map<String, Object> application(String displayName, String country, String currency) {
        return Map.of("displayName", displayName, "legalName", displayName + " LLC", "country", country,
                "currency", currency,
                "contactEmail", "sales@" + displayName.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example");
    }
}
