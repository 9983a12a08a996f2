package com.souq.commerce.account.command;

import com.souq.commerce.account.api.AccountId;
import com.souq.commerce.account.api.AccountRole;
import com.souq.commerce.account.api.CreateStaffAccountCommand;
import com.souq.commerce.account.api.CustomerRegisteredEvent;
import com.souq.commerce.account.api.Language;
import com.souq.commerce.account.api.PostalAddress;
import com.souq.commerce.account.api.RegisterCustomerCommand;
import com.souq.commerce.account.api.StaffAccountCreatedEvent;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.vendor.api.VendorId;

/** Accounts as tests need them. */
final class AccountFixture {

    static final AccountId ACCOUNT = AccountId.of("4f0c2a8e-5d7b-4b7e-9a51-2f1e3c4d5a6b");
    static final VendorId VENDOR = VendorId.of("0b9d8c7e-6f5a-4e3d-8c2b-1a0f9e8d7c6b");

    private AccountFixture() {
    }

    static RegisterCustomerCommand registration() {
        return new RegisterCustomerCommand(ACCOUNT, "mona@mail.example", "Mona Adel", Language.EN);
    }

    static CustomerRegisteredEvent registered() {
        return new CustomerRegisteredEvent(ACCOUNT, "mona@mail.example", "Mona Adel", Language.EN);
    }

    static CreateStaffAccountCommand vendorStaff() {
        return new CreateStaffAccountCommand(ACCOUNT, "karim@mail.example", "Karim", AccountRole.VENDOR, VENDOR,
                Language.AR, "admin-1");
    }

    static StaffAccountCreatedEvent vendorStaffCreated() {
        return new StaffAccountCreatedEvent(ACCOUNT, "karim@mail.example", "Karim", AccountRole.VENDOR, VENDOR,
                Language.AR, "admin-1");
    }

    static PostalAddress home() {
        return new PostalAddress("home", "Mona Adel", "+201001234567", "12 Baghdad St", null, "Cairo", "11341",
                CountryCode.of("EG"));
    }
}
