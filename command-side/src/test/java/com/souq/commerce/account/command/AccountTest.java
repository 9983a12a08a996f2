package com.souq.commerce.account.command;

import static com.souq.commerce.account.command.AccountFixture.ACCOUNT;
import static com.souq.commerce.account.command.AccountFixture.VENDOR;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.souq.commerce.account.api.AccountErasedEvent;
import com.souq.commerce.account.api.AccountRole;
import com.souq.commerce.account.api.AddressesChangedEvent;
import com.souq.commerce.account.api.ChangeAddressesCommand;
import com.souq.commerce.account.api.ChangeProfileCommand;
import com.souq.commerce.account.api.CreateStaffAccountCommand;
import com.souq.commerce.account.api.EmailVerifiedEvent;
import com.souq.commerce.account.api.EraseAccountCommand;
import com.souq.commerce.account.api.Language;
import com.souq.commerce.account.api.PasswordChange;
import com.souq.commerce.account.api.PasswordChangedEvent;
import com.souq.commerce.account.api.ProfileChangedEvent;
import com.souq.commerce.account.api.RecordPasswordChangeCommand;
import com.souq.commerce.account.api.StaffAccountCreatedEvent;
import com.souq.commerce.account.api.VerifyEmailCommand;
import com.souq.commerce.platform.privacy.PersonalDataVault;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.vendor.api.VendorStatus;
import com.souq.commerce.vendor.command.VendorStanding;
import com.souq.commerce.vendor.command.VendorStandings;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountTest {

    private FixtureConfiguration<Account> fixture;
    private VendorStandings vendors;
    private PersonalDataVault personalData;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        vendors = mock(VendorStandings.class);
        personalData = mock(PersonalDataVault.class);
        fixture.registerInjectableResource(vendors);
        fixture.registerInjectableResource(personalData);
    }

    @Test
    void erasureDeletesThePersonsKeyAndIsRecordedOnce() {
        fixture.given(AccountFixture.registered())
                .when(new EraseAccountCommand(ACCOUNT, "support-1"))
                .expectEvents(new AccountErasedEvent(ACCOUNT, "support-1"));
        verify(personalData).erase(ACCOUNT.value());

        fixture.given(AccountFixture.registered(), new AccountErasedEvent(ACCOUNT, "support-1"))
                .when(new EraseAccountCommand(ACCOUNT, ACCOUNT.value()))
                .expectNoEvents();
        verifyNoMoreInteractions(personalData);
    }

    @Test
    void anErasedAccountTakesNoOtherCommand() {
        fixture.given(AccountFixture.registered(), new AccountErasedEvent(ACCOUNT, ACCOUNT.value()))
                .when(new ChangeProfileCommand(ACCOUNT, "Back again", null, Language.EN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("This account was erased")
                .expectNoEvents();
        fixture.given(AccountFixture.registered(), new AccountErasedEvent(ACCOUNT, ACCOUNT.value()))
                .when(new VerifyEmailCommand(ACCOUNT))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theAdministratorIsNeverErased() {
        fixture.given(new StaffAccountCreatedEvent(ACCOUNT, "admin@mail.example", "Admin", AccountRole.ADMIN, null,
                        Language.EN, null))
                .when(new EraseAccountCommand(ACCOUNT, "support-1"))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
        verifyNoInteractions(personalData);
    }

    @Test
    void registrationRecordsTheCustomerWithoutAnyPassword() {
        fixture.givenNoPriorActivity()
                .when(AccountFixture.registration())
                .expectEvents(AccountFixture.registered());
    }

    @Test
    void vendorStaffBelongToAnExistingVendor() {
        when(vendors.of(VENDOR)).thenReturn(new VendorStanding(VENDOR, VendorStatus.APPROVED,
                Currency.getInstance("EGP"), null));
        fixture.givenNoPriorActivity()
                .when(AccountFixture.vendorStaff())
                .expectEvents(AccountFixture.vendorStaffCreated());
    }

    @Test
    void cannotCreateStaffForAnUnknownVendor() {
        when(vendors.of(VENDOR)).thenThrow(new DomainRuleViolation(DomainRuleViolation.Kind.UNPROCESSABLE,
                "UNKNOWN_VENDOR", "No vendor"));
        fixture.givenNoPriorActivity()
                .when(AccountFixture.vendorStaff())
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void platformStaffNameNoVendorAndVendorStaffAlwaysOne() {
        fixture.givenNoPriorActivity()
                .when(new CreateStaffAccountCommand(ACCOUNT, "a@mail.example", "A", AccountRole.VENDOR, null,
                        Language.EN, "admin-1"))
                .expectException(DomainRuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(new CreateStaffAccountCommand(ACCOUNT, "a@mail.example", "A", AccountRole.SUPPORT, VENDOR,
                        Language.EN, "admin-1"))
                .expectException(DomainRuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(new CreateStaffAccountCommand(ACCOUNT, "a@mail.example", "A", AccountRole.CUSTOMER, null,
                        Language.EN, "admin-1"))
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void verifyingTwiceChangesNothing() {
        fixture.given(AccountFixture.registered())
                .when(new VerifyEmailCommand(ACCOUNT))
                .expectEvents(new EmailVerifiedEvent(ACCOUNT, "mona@mail.example"));
        fixture.given(AccountFixture.registered(), new EmailVerifiedEvent(ACCOUNT, "mona@mail.example"))
                .when(new VerifyEmailCommand(ACCOUNT))
                .expectNoEvents();
    }

    @Test
    void aPasswordChangeIsRecordedWithoutThePassword() {
        fixture.given(AccountFixture.registered())
                .when(new RecordPasswordChangeCommand(ACCOUNT, PasswordChange.RESET))
                .expectEvents(new PasswordChangedEvent(ACCOUNT, PasswordChange.RESET));
    }

    @Test
    void theSameProfileTwiceChangesNothing() {
        ProfileChangedEvent changed = new ProfileChangedEvent(ACCOUNT, "Mona A.", "+201001234567", Language.AR);
        fixture.given(AccountFixture.registered())
                .when(new ChangeProfileCommand(ACCOUNT, "Mona A.", "+201001234567", Language.AR))
                .expectEvents(changed);
        fixture.given(AccountFixture.registered(), changed)
                .when(new ChangeProfileCommand(ACCOUNT, "Mona A.", "+201001234567", Language.AR))
                .expectNoEvents();
    }

    @Test
    void addressesAreReplacedUpToTen() {
        fixture.given(AccountFixture.registered())
                .when(new ChangeAddressesCommand(ACCOUNT, List.of(AccountFixture.home())))
                .expectEvents(new AddressesChangedEvent(ACCOUNT, List.of(AccountFixture.home())));
        fixture.given(AccountFixture.registered())
                .when(new ChangeAddressesCommand(ACCOUNT, Collections.nCopies(11, AccountFixture.home())))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }
}
