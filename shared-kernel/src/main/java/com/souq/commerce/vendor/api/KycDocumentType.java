package com.souq.commerce.vendor.api;

/** The know-your-customer documents a marketplace accepts from a vendor. */
public enum KycDocumentType {
    COMMERCIAL_REGISTRATION,
    TAX_REGISTRATION,
    NATIONAL_ID,
    PASSPORT,
    BANK_LETTER,
    TRADE_LICENSE
}
