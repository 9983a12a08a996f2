package com.souq.commerce.account.command.web;

import com.souq.commerce.account.api.AccountId;
import com.souq.commerce.account.api.AccountRole;
import com.souq.commerce.account.api.Language;
import com.souq.commerce.account.api.PostalAddress;
import com.souq.commerce.account.command.Accounts;
import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.vendor.api.VendorId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in person's own account (profile, addresses, password), and staff accounts: administrators create
 * AUDITOR, ANALYST and SUPPORT staff; administrators and a vendor's own staff create that vendor's staff.
 */
@RestController
@Tag(name = "accounts")
class AccountCommandController {

    private static final String PHONE = "\\+?[0-9 ()-]{5,24}";

    private final Accounts accounts;

    AccountCommandController(Accounts accounts) {
        this.accounts = accounts;
    }

    record Profile(@NotBlank @Size(max = 120) String displayName,
                   @Pattern(regexp = PHONE) String phone,
                   @NotNull Language language) {
    }

    record SavedAddress(@Size(max = 40) String label,
                   @NotBlank @Size(max = 120) String recipient,
                   @Pattern(regexp = PHONE) String phone,
                   @NotBlank @Size(max = 200) String line1,
                   @Size(max = 200) String line2,
                   @NotBlank @Size(max = 100) String city,
                   @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]*") String postalCode,
                   @NotNull CountryCode country) {

        PostalAddress toAddress() {
            return new PostalAddress(label, recipient, phone, line1, line2, city, postalCode, country);
        }
    }

    record Addresses(@NotNull @Size(max = 10) List<@NotNull @Valid SavedAddress> addresses) {
    }

    record PasswordChange(@NotNull @Size(max = 128) String currentPassword,
                          @NotNull @Size(max = 128) String newPassword) {
    }

    record StaffMember(@NotBlank @Email @Size(max = 254) String email,
                       @NotBlank @Size(max = 120) String displayName,
                       @NotNull AccountRole role,
                       @NotNull Language language) {
    }

    record VendorStaffMember(@NotBlank @Email @Size(max = 254) String email,
                             @NotBlank @Size(max = 120) String displayName,
                             @NotNull Language language) {
    }

    record AccountAccepted(AccountId accountId) {
    }

    record AccountOutcome(String status) {
    }

    record ErasureConfirmation(@NotNull @Size(max = 128) String password) {
    }

    record Erasure(AccountId accountId, String status) {
    }

    @PutMapping("/api/v1/accounts/me/profile")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change your name, phone number and mail language")
    ResponseEntity<AccountAccepted> changeProfile(@Valid @RequestBody Profile profile, Authentication caller) {
        AccountId accountId = ownAccount(caller);
        accounts.changeProfile(accountId, profile.displayName(), profile.phone(), profile.language());
        return ResponseEntity.accepted().body(new AccountAccepted(accountId));
    }

    @PutMapping("/api/v1/accounts/me/addresses")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Replace your saved addresses (at most 10)")
    ResponseEntity<AccountAccepted> changeAddresses(@Valid @RequestBody Addresses addresses, Authentication caller) {
        AccountId accountId = ownAccount(caller);
        accounts.changeAddresses(accountId, addresses.addresses().stream().map(SavedAddress::toAddress).toList());
        return ResponseEntity.accepted().body(new AccountAccepted(accountId));
    }

    @PostMapping("/api/v1/accounts/me/password")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change your password (the current one required); signs out every other session")
    ResponseEntity<AccountAccepted> changePassword(@Valid @RequestBody PasswordChange change, Authentication caller) {
        AccountId accountId = ownAccount(caller);
        accounts.changePassword(accountId, change.currentPassword(), change.newPassword());
        return ResponseEntity.accepted().body(new AccountAccepted(accountId));
    }

    @PostMapping("/api/v1/accounts/me/erasure")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Erase your account and your personal data (your password required); refused while an order "
            + "or refund of yours is under way")
    ResponseEntity<Erasure> eraseOwn(@Valid @RequestBody ErasureConfirmation confirmation, Authentication caller) {
        AccountId accountId = ownAccount(caller);
        accounts.eraseOwn(accountId, confirmation.password());
        return ResponseEntity.ok(new Erasure(accountId, "ERASED"));
    }

    @PostMapping("/api/v1/support/accounts/{accountId}/erasure")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPPORT')")
    @Operation(summary = "Erase a person's account and personal data on their request (SUPPORT, ADMIN)")
    ResponseEntity<Erasure> erase(@PathVariable String accountId, Authentication caller) {
        AccountId account = AccountId.of(accountId);
        accounts.erase(account, caller.getName());
        return ResponseEntity.ok(new Erasure(account, "ERASED"));
    }

    @PostMapping("/api/v1/staff-accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create an AUDITOR, ANALYST or SUPPORT account; its person is mailed a link to set a password")
    ResponseEntity<AccountOutcome> createStaff(@Valid @RequestBody StaffMember member, Authentication caller) {
        if (!member.role().isPlatformStaff()) {
            throw DomainRuleViolation.unprocessable("INVALID_STAFF_ROLE",
                    "Staff accounts are AUDITOR, ANALYST or SUPPORT; vendor staff are created for their vendor");
        }
        accounts.createStaff(member.email(), member.displayName(), member.role(), null, member.language(),
                caller.getName());
        return ResponseEntity.accepted().body(new AccountOutcome("INVITATION_SENT"));
    }

    @PostMapping("/api/v1/vendors/{vendorId}/staff")
    @PreAuthorize("hasAnyRole('ADMIN', 'VENDOR')")
    @Operation(summary = "Create a staff account of the vendor (by its staff or an administrator); an invitation is mailed")
    ResponseEntity<AccountOutcome> createVendorStaff(@PathVariable String vendorId,
                                             @Valid @RequestBody VendorStaffMember member, Authentication caller) {
        VendorId vendor = VendorId.of(vendorId);
        Actor.of(caller).requireActsFor(vendor.value());
        accounts.createStaff(member.email(), member.displayName(), AccountRole.VENDOR, vendor, member.language(),
                caller.getName());
        return ResponseEntity.accepted().body(new AccountOutcome("INVITATION_SENT"));
    }

    /** The caller's own account: its token's subject; a subject that is no account (development tokens) has none. */
    private static AccountId ownAccount(Authentication caller) {
        try {
            return AccountId.of(caller.getName());
        } catch (RuntimeException notAnAccount) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND",
                    "This token belongs to no account");
        }
    }
}
