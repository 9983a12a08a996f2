package com.souq.commerce.vendor.command;

import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Currencies;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.vendor.api.ApplyAsVendorCommand;
import com.souq.commerce.vendor.api.CommissionPlan;
import com.souq.commerce.vendor.api.KycDocumentSubmittedEvent;
import com.souq.commerce.vendor.api.KycDocumentType;
import com.souq.commerce.vendor.api.VendorAppliedEvent;
import com.souq.commerce.vendor.api.VendorApprovedEvent;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;

/** Vendors at each stage of onboarding, as the events that made them. */
final class VendorFixture {

    static final VendorId VENDOR = VendorId.of("5d1c8a34-6b7e-4f43-9a43-0d7c1c2b9a11");
    static final String APPLICANT = "user-cairo-parts";
    static final CommissionPlan TEN_PERCENT = CommissionPlan.flat(new Rate(1_000));

    private VendorFixture() {
    }

    static ApplyAsVendorCommand application() {
        return new ApplyAsVendorCommand(VENDOR, APPLICANT, "Cairo Parts", "Cairo Parts LLC",
                CountryCode.of("EG"), Currencies.of("EGP"), "sales@cairoparts.example", TEN_PERCENT);
    }

    static VendorAppliedEvent applied() {
        return new VendorAppliedEvent(VENDOR, APPLICANT, "Cairo Parts", "Cairo Parts LLC",
                CountryCode.of("EG"), Currencies.of("EGP"), "sales@cairoparts.example", TEN_PERCENT);
    }

    static KycDocumentSubmittedEvent commercialRegistration() {
        return new KycDocumentSubmittedEvent(VENDOR, KycDocumentType.COMMERCIAL_REGISTRATION, "cr-2026-114455");
    }

    static List<Object> underReview() {
        return List.of(applied(), commercialRegistration());
    }

    static List<Object> approved() {
        return List.of(applied(), commercialRegistration(), new VendorApprovedEvent(VENDOR));
    }
}
