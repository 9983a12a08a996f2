package com.souq.commerce.account.command;

import com.souq.commerce.account.api.AccountId;
import com.souq.commerce.account.api.AccountRole;
import com.souq.commerce.account.api.ChangeAddressesCommand;
import com.souq.commerce.account.api.ChangeProfileCommand;
import com.souq.commerce.account.api.CreateStaffAccountCommand;
import com.souq.commerce.account.api.EraseAccountCommand;
import com.souq.commerce.account.api.Language;
import com.souq.commerce.account.api.PasswordChange;
import com.souq.commerce.account.api.PostalAddress;
import com.souq.commerce.account.api.RecordPasswordChangeCommand;
import com.souq.commerce.account.api.RegisterCustomerCommand;
import com.souq.commerce.account.api.VerifyEmailCommand;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The account flows: registration, email verification, sign-in and tokens, password reset and change, profile and
 * staff accounts. What the event store records (the Account aggregate) goes through commands; what must stay out of
 * it (password hashes, mailed tokens, refresh tokens, counters, mails) is written to its tables here.
 *
 * <p>Nothing here tells a stranger whether an email has an account: registration and reset requests answer the same
 * either way (the owner gets a mail instead), a failed sign-in is the same 401 for an unknown email and a wrong
 * password (after the same hashing work), and lockouts count per email whether or not it exists.
 */
@Service
public class Accounts {

    private static final long TIMEOUT_SECONDS = 10;

    /** What sign-in and refresh answer. */
    public record Tokens(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {
    }

    private final CommandGateway commands;
    private final Credentials credentials;
    private final OneTimeTokens oneTimeTokens;
    private final RefreshTokens refreshTokens;
    private final RateLimits limits;
    private final PasswordHashing hashing;
    private final AccessTokens accessTokens;
    private final MailOutbox outbox;
    private final TransactionTemplate transactions;
    private final AccountSettings settings;
    private final AbuseSettings abuse;
    private final JdbcClient jdbc;

    Accounts(CommandGateway commands, Credentials credentials, OneTimeTokens oneTimeTokens,
             RefreshTokens refreshTokens, RateLimits limits, PasswordHashing hashing, AccessTokens accessTokens,
             MailOutbox outbox, TransactionTemplate transactions, AccountSettings settings, AbuseSettings abuse,
             JdbcClient jdbc) {
        this.commands = commands;
        this.credentials = credentials;
        this.oneTimeTokens = oneTimeTokens;
        this.refreshTokens = refreshTokens;
        this.limits = limits;
        this.hashing = hashing;
        this.accessTokens = accessTokens;
        this.outbox = outbox;
        this.transactions = transactions;
        this.settings = settings;
        this.abuse = abuse;
        this.jdbc = jdbc;
    }

    /** Registers a customer, or (email taken) mails its owner; the caller cannot tell which happened. */
    public void register(String email, String password, String displayName, Language language, String client) {
        limits.hit("register:address", client, abuse.registrationPerAddress());
        PasswordPolicy.check(password, email);
        String hash = hashing.hash(password);
        AccountId accountId = AccountId.random();
        if (!credentials.claim(accountId, email, displayName, hash, AccountRole.CUSTOMER, null, language)) {
            mailOwnerOfTakenEmail(email);
            return;
        }
        createOrRelease(accountId, new RegisterCustomerCommand(accountId, email.strip(), displayName, language));
        transactions.executeWithoutResult(status -> {
            String token = oneTimeTokens.issue(accountId, OneTimeTokens.Purpose.VERIFY_EMAIL,
                    settings.verificationTokenTtl());
            outbox.enqueue("verify-email:" + UUID.randomUUID(), accountId, email.strip(), "verify-email", language,
                    Map.of("name", displayName, "link", link(settings.verifyEmailLink(), token),
                            "hours", String.valueOf(settings.verificationTokenTtl().toHours())));
        });
    }

    /** Uses a mailed verification token; answers the verified account. */
    public AccountId verifyEmail(String token) {
        AccountId accountId = oneTimeTokens.use(token, OneTimeTokens.Purpose.VERIFY_EMAIL)
                .orElseThrow(Accounts::invalidToken);
        send(new VerifyEmailCommand(accountId));
        credentials.markVerified(accountId);
        return accountId;
    }

    public Tokens signIn(String email, String password, String client) {
        limits.hit("sign-in:address", client, abuse.signInPerAddress());
        String account = Credentials.normalize(email);
        limits.hit("sign-in:account", account, abuse.signInPerAccount());
        limits.requireBelow("sign-in:failures", account, abuse.signInFailures(), "ACCOUNT_LOCKED");
        Credentials.Login login = credentials.byEmail(email).orElse(null);
        if (!hashing.matches(password, login == null ? null : login.passwordHash())) {
            limits.fail("sign-in:failures", account, abuse.signInFailures());
            throw new SignInRefused("INVALID_CREDENTIALS", "The email or the password is wrong");
        }
        if (!login.emailVerified()) {
            throw DomainRuleViolation.forbidden("EMAIL_NOT_VERIFIED",
                    "Confirm your email address first: open the link we mailed you");
        }
        limits.clear("sign-in:failures", account);
        return tokens(login, refreshTokens.startFamily(login.accountId(), settings.refreshTokenTtl()));
    }

    public Tokens refresh(String refreshToken) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken, settings.refreshTokenTtl());
        return switch (rotation) {
            case RefreshTokens.Rotation.Rotated rotated -> credentials.byId(rotated.accountId())
                    .map(login -> tokens(login, rotated.nextToken()))
                    .orElseThrow(() -> new SignInRefused("INVALID_REFRESH_TOKEN", "This refresh token is not valid"));
            case RefreshTokens.Rotation.Reused reused -> throw new SignInRefused("REFRESH_TOKEN_REUSED",
                    "This refresh token was already used: every session of its sign-in is revoked; sign in again");
            case RefreshTokens.Rotation.Invalid invalid -> throw new SignInRefused("INVALID_REFRESH_TOKEN",
                    "This refresh token is not valid");
        };
    }

    /** Revokes the sign-in the refresh token belongs to (all its rotations); unknown tokens change nothing. */
    public void signOut(String refreshToken) {
        refreshTokens.revokeFamilyOf(refreshToken, "SIGNED_OUT");
    }

    /** Mails a reset link if the email has an account; answers the same either way. */
    public void requestPasswordReset(String email, String client) {
        limits.hit("reset:address", client, abuse.resetPerAddress());
        limits.hit("reset:account", Credentials.normalize(email), abuse.resetPerAccount());
        credentials.byEmail(email).ifPresent(login -> transactions.executeWithoutResult(status -> {
            String token = oneTimeTokens.issue(login.accountId(), OneTimeTokens.Purpose.RESET_PASSWORD,
                    settings.resetTokenTtl());
            outbox.enqueue("password-reset:" + UUID.randomUUID(), login.accountId(), login.email(), "password-reset",
                    login.language(), Map.of("name", login.displayName(),
                            "link", link(settings.resetPasswordLink(), token),
                            "minutes", String.valueOf(settings.resetTokenTtl().toMinutes())));
        }));
    }

    /**
     * Sets a new password with a mailed reset (or invitation) token. The token is used in the same transaction that
     * stores the hash, so a refused password leaves it usable. Reading the mail proves the address: an unverified
     * account becomes verified. Every sign-in of the account is revoked.
     */
    public AccountId resetPassword(String token, String newPassword) {
        Credentials.Login login = transactions.execute(status -> {
            AccountId accountId = oneTimeTokens.use(token, OneTimeTokens.Purpose.RESET_PASSWORD)
                    .orElseThrow(Accounts::invalidToken);
            Credentials.Login account = credentials.byId(accountId).orElseThrow(Accounts::invalidToken);
            PasswordPolicy.check(newPassword, account.email());
            credentials.changePassword(accountId, hashing.hash(newPassword));
            credentials.markVerified(accountId);
            oneTimeTokens.voidAll(accountId, OneTimeTokens.Purpose.RESET_PASSWORD);
            refreshTokens.revokeAll(accountId, "PASSWORD_CHANGED");
            return account;
        });
        send(new RecordPasswordChangeCommand(login.accountId(),
                login.passwordHash() == null ? PasswordChange.SET : PasswordChange.RESET));
        if (!login.emailVerified()) {
            send(new VerifyEmailCommand(login.accountId()));
        }
        return login.accountId();
    }

    /** A signed-in person changes their password, giving the current one; every other sign-in is revoked. */
    public void changePassword(AccountId accountId, String currentPassword, String newPassword) {
        Credentials.Login login = credentials.byId(accountId).orElseThrow(Accounts::noAccount);
        limits.requireBelow("sign-in:failures", login.email(), abuse.signInFailures(), "ACCOUNT_LOCKED");
        if (!hashing.matches(currentPassword, login.passwordHash())) {
            limits.fail("sign-in:failures", login.email(), abuse.signInFailures());
            throw DomainRuleViolation.forbidden("WRONG_PASSWORD", "The current password is wrong");
        }
        PasswordPolicy.check(newPassword, login.email());
        String hash = hashing.hash(newPassword);
        transactions.executeWithoutResult(status -> {
            credentials.changePassword(accountId, hash);
            refreshTokens.revokeAll(accountId, "PASSWORD_CHANGED");
        });
        send(new RecordPasswordChangeCommand(accountId, PasswordChange.CHANGED));
    }

    public void changeProfile(AccountId accountId, String displayName, String phone, Language language) {
        credentials.byId(accountId).orElseThrow(Accounts::noAccount);
        send(new ChangeProfileCommand(accountId, displayName, phone, language));
        credentials.changeProfile(accountId, displayName, language);
    }

    public void changeAddresses(AccountId accountId, List<PostalAddress> addresses) {
        credentials.byId(accountId).orElseThrow(Accounts::noAccount);
        send(new ChangeAddressesCommand(accountId, addresses));
    }

    /**
     * Creates a staff account (platform staff, or a vendor's staff when {@code vendorId} is set) and mails its person
     * a link to set their password; an email that already has an account gets a notice instead, and the caller is
     * answered the same.
     */
    public void createStaff(String email, String displayName, AccountRole role, VendorId vendorId, Language language,
                            String createdBy) {
        AccountId accountId = AccountId.random();
        if (!credentials.claim(accountId, email, displayName, null, role,
                vendorId == null ? null : vendorId.value(), language)) {
            mailOwnerOfTakenEmail(email);
            return;
        }
        createOrRelease(accountId, new CreateStaffAccountCommand(accountId, email.strip(), displayName, role,
                vendorId, language, createdBy));
        transactions.executeWithoutResult(status -> {
            String token = oneTimeTokens.issue(accountId, OneTimeTokens.Purpose.RESET_PASSWORD,
                    settings.invitationTokenTtl());
            outbox.enqueue("staff-invitation:" + accountId.value(), accountId, email.strip(), "staff-invitation",
                    language, Map.of("name", displayName, "role", role.name(),
                            "link", link(settings.resetPasswordLink(), token),
                            "hours", String.valueOf(settings.invitationTokenTtl().toHours())));
        });
    }

    /** A signed-in person erases their own account, giving their password. */
    public void eraseOwn(AccountId accountId, String password) {
        Credentials.Login login = credentials.byId(accountId).orElseThrow(Accounts::noAccount);
        limits.requireBelow("sign-in:failures", login.email(), abuse.signInFailures(), "ACCOUNT_LOCKED");
        if (!hashing.matches(password, login.passwordHash())) {
            limits.fail("sign-in:failures", login.email(), abuse.signInFailures());
            throw DomainRuleViolation.forbidden("WRONG_PASSWORD", "The password is wrong");
        }
        erase(accountId, accountId.value());
    }

    /**
     * Erases a person (right to erasure): refused while they have an order or a refund still under way (the vendors
     * need the address, the money its story). The Account records the erasure and deletes the person's key of the
     * personal data in events in one transaction; then their sign-in (credentials, mailed and refresh tokens) and the
     * answers kept for their idempotent requests are deleted, and their mails blanked. Repeating it finishes what a failure left and changes nothing else.
     */
    public void erase(AccountId accountId, String erasedBy) {
        long open = jdbc.sql("""
                        SELECT (SELECT count(*) FROM orders WHERE customer_subject = :subject
                                   AND status NOT IN ('COMPLETED', 'CANCELLED', 'REFUNDED'))
                             + (SELECT count(*) FROM refunds WHERE customer_subject = :subject
                                   AND status IN ('REQUESTED', 'APPROVED', 'REFUNDING'))""")
                .param("subject", accountId.value()).query(Long.class).single();
        if (open > 0) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "ERASURE_BLOCKED_BY_OPEN_ORDERS",
                    "This account has " + open + " order(s) or refund(s) still under way: it can be erased once "
                            + "they are completed, cancelled or refunded");
        }
        send(new EraseAccountCommand(accountId, erasedBy));
        transactions.executeWithoutResult(status -> {
            credentials.release(accountId);
            outbox.forget(accountId);
            jdbc.sql("DELETE FROM idempotency_key WHERE subject = :subject")
                    .param("subject", accountId.value()).update();
        });
    }

    private void mailOwnerOfTakenEmail(String email) {
        credentials.byEmail(email).ifPresent(owner -> outbox.enqueue("registration-attempt:" + UUID.randomUUID(),
                owner.accountId(), owner.email(), "registration-attempt", owner.language(),
                Map.of("name", owner.displayName())));
    }

    /** Sends the creating command; if it is refused, the claimed email is released again. */
    private void createOrRelease(AccountId accountId, Object command) {
        try {
            send(command);
        } catch (RuntimeException refused) {
            credentials.release(accountId);
            throw refused;
        }
    }

    private Tokens tokens(Credentials.Login login, String refreshToken) {
        return new Tokens(accessTokens.issue(login), settings.accessTokenTtl().toSeconds(), refreshToken,
                settings.refreshTokenTtl().toSeconds());
    }

    private void send(Object command) {
        commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static String link(String template, String token) {
        return template.replace("{token}", token);
    }

    private static DomainRuleViolation invalidToken() {
        return DomainRuleViolation.unprocessable("INVALID_TOKEN",
                "This link is not valid: it expired, was already used, or never existed");
    }

    private static DomainRuleViolation noAccount() {
        return new DomainRuleViolation(DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND",
                "No account for this token: sign in with an account");
    }
}
