package com.souq.commerce.account.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.souq.commerce.account.api.AccountErasedEvent;
import com.souq.commerce.account.api.AccountId;
import com.souq.commerce.account.api.AccountRole;
import com.souq.commerce.account.api.AddressesChangedEvent;
import com.souq.commerce.account.api.ChangeAddressesCommand;
import com.souq.commerce.account.api.ChangeProfileCommand;
import com.souq.commerce.account.api.CreateStaffAccountCommand;
import com.souq.commerce.account.api.CustomerRegisteredEvent;
import com.souq.commerce.account.api.EmailVerifiedEvent;
import com.souq.commerce.account.api.EraseAccountCommand;
import com.souq.commerce.account.api.Language;
import com.souq.commerce.account.api.PasswordChangedEvent;
import com.souq.commerce.account.api.PostalAddress;
import com.souq.commerce.account.api.ProfileChangedEvent;
import com.souq.commerce.account.api.RecordPasswordChangeCommand;
import com.souq.commerce.account.api.RegisterCustomerCommand;
import com.souq.commerce.account.api.StaffAccountCreatedEvent;
import com.souq.commerce.account.api.VerifyEmailCommand;
import com.souq.commerce.platform.privacy.PersonalDataVault;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.vendor.command.VendorStandings;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person's account: a customer who registered, or staff created by an administrator (platform staff) or for a
 * vendor (vendor staff, who act only for that vendor).
 *
 * <p>Lifecycle: registered or created (email unverified) → email verified (by a mailed token, or by setting the first
 * password through an invitation); profile, addresses and password change any time after. Invariants: the role is
 * fixed at creation; a vendor staff account names an existing vendor and no other account names one; platform staff
 * are only AUDITOR, ANALYST, SUPPORT or (the configured bootstrap administrator) ADMIN; at most {@value #MAX_ADDRESSES} addresses. The password hash is kept outside
 * the event store (table {@code account_credentials}) so that erasing a person never leaves a crackable hash in an
 * event; the events only record that a password changed. Repeating a change that already holds changes nothing.
 */
@Aggregate
class Account {

    static final int MAX_ADDRESSES = 10;

    @AggregateIdentifier
    private AccountId accountId;
    private String email;
    private boolean emailVerified;
    private String displayName;
    private String phone;
    private Language language;
    private List<PostalAddress> addresses = List.of();
    private AccountRole role;
    private boolean erased;

    protected Account() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    Account(RegisterCustomerCommand command) {
        apply(new CustomerRegisteredEvent(command.accountId(), command.email(), command.displayName(),
                command.language()));
    }

    @CommandHandler
    Account(CreateStaffAccountCommand command, VendorStandings vendors) {
        if (!roleFitsVendor(command.role(), command.vendorId() != null)) {
            throw DomainRuleViolation.unprocessable("INVALID_STAFF_ROLE", "A " + command.role()
                    + " account cannot be created " + (command.vendorId() == null ? "without" : "for") + " a vendor");
        }
        if (command.vendorId() != null) {
            vendors.of(command.vendorId());
        }
        apply(new StaffAccountCreatedEvent(command.accountId(), command.email(), command.displayName(),
                command.role(), command.vendorId(), command.language(), command.createdBy()));
    }

    @CommandHandler
    void handle(VerifyEmailCommand command) {
        refuseIfErased();
        if (emailVerified) {
            return;
        }
        apply(new EmailVerifiedEvent(accountId, email));
    }

    @CommandHandler
    void handle(RecordPasswordChangeCommand command) {
        refuseIfErased();
        apply(new PasswordChangedEvent(accountId, command.change()));
    }

    @CommandHandler
    void handle(ChangeProfileCommand command) {
        refuseIfErased();
        if (Objects.equals(displayName, command.displayName()) && Objects.equals(phone, command.phone())
                && language == command.language()) {
            return;
        }
        apply(new ProfileChangedEvent(accountId, command.displayName(), command.phone(), command.language()));
    }

    @CommandHandler
    void handle(ChangeAddressesCommand command) {
        refuseIfErased();
        if (command.addresses().size() > MAX_ADDRESSES) {
            throw DomainRuleViolation.unprocessable("TOO_MANY_ADDRESSES",
                    "An account keeps at most " + MAX_ADDRESSES + " addresses");
        }
        if (addresses.equals(command.addresses())) {
            return;
        }
        apply(new AddressesChangedEvent(accountId, List.copyOf(command.addresses())));
    }

    @CommandHandler
    void handle(EraseAccountCommand command, PersonalDataVault personalData) {
        if (erased) {
            return;
        }
        if (role == AccountRole.ADMIN) {
            throw DomainRuleViolation.unprocessable("ADMINISTRATOR_NOT_ERASABLE",
                    "The administrator account cannot be erased");
        }
        personalData.erase(accountId.value());
        apply(new AccountErasedEvent(accountId, command.erasedBy()));
    }

    private void refuseIfErased() {
        if (erased) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "ACCOUNT_ERASED",
                    "This account was erased");
        }
    }

    private static boolean roleFitsVendor(AccountRole role, boolean forVendor) {
        return forVendor ? role == AccountRole.VENDOR : role.isPlatformStaff() || role == AccountRole.ADMIN;
    }

    @EventSourcingHandler
    void on(CustomerRegisteredEvent event) {
        accountId = event.accountId();
        email = event.email();
        displayName = event.displayName();
        language = event.language();
        role = AccountRole.CUSTOMER;
    }

    @EventSourcingHandler
    void on(StaffAccountCreatedEvent event) {
        accountId = event.accountId();
        email = event.email();
        displayName = event.displayName();
        language = event.language();
        role = event.role();
    }

    @EventSourcingHandler
    void on(EmailVerifiedEvent event) {
        emailVerified = true;
    }

    @EventSourcingHandler
    void on(ProfileChangedEvent event) {
        displayName = event.displayName();
        phone = event.phone();
        language = event.language();
    }

    @EventSourcingHandler
    void on(AddressesChangedEvent event) {
        addresses = event.addresses();
    }

    @EventSourcingHandler
    void on(AccountErasedEvent event) {
        erased = true;
    }
}
