package com.souq.commerce.account.command;

import com.souq.commerce.account.api.AccountRole;
import com.souq.commerce.account.api.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first administrator: no endpoint creates ADMIN accounts and development tokens exist only on the embedded
 * default, so {@code souq.accounts.bootstrap-admin-email} names one, created (with an invitation mail) at startup
 * when no account has that email yet. Instances starting together race on the email's unique claim; one wins.
 */
@Component
class BootstrapAdministrator {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final Accounts accounts;
    private final Credentials credentials;
    private final AccountSettings settings;

    BootstrapAdministrator(Accounts accounts, Credentials credentials, AccountSettings settings) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createWhenMissing() {
        String email = settings.bootstrapAdminEmail();
        if (email == null || email.isBlank() || credentials.byEmail(email).isPresent()) {
            return;
        }
        accounts.createStaff(email, "Administrator", AccountRole.ADMIN, null, Language.EN, "bootstrap");
        log.info("Created the bootstrap administrator account; its invitation is in the mail outbox");
    }
}
