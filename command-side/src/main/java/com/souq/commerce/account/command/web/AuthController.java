package com.souq.commerce.account.command.web;

import com.souq.commerce.account.api.AccountId;
import com.souq.commerce.account.api.Language;
import com.souq.commerce.account.command.Accounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account endpoints a person calls without a bearer token: register, verify the email, sign in, refresh and
 * sign out, ask for and complete a password reset. Registration and reset requests answer 202 whether or not the
 * email has an account.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "accounts")
class AuthController {

    /** Mailed and refresh tokens: 43 characters of base64url (256 bits). */
    private static final String TOKEN = "[A-Za-z0-9_-]{43}";

    private final Accounts accounts;
    private final ClientAddress clients;

    AuthController(Accounts accounts, ClientAddress clients) {
        this.accounts = accounts;
        this.clients = clients;
    }

    record Registration(@NotBlank @Email @Size(max = 254) String email,
                        @NotNull @Size(max = 128) String password,
                        @NotBlank @Size(max = 120) String displayName,
                        @NotNull Language language) {
    }

    record SignIn(@NotBlank @Email @Size(max = 254) String email, @NotNull @Size(max = 128) String password) {
    }

    record MailedToken(@NotNull @Pattern(regexp = TOKEN) String token) {
    }

    record RefreshToken(@NotNull @Pattern(regexp = TOKEN) String refreshToken) {
    }

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record NewPassword(@NotNull @Pattern(regexp = TOKEN) String token, @NotNull @Size(max = 128) String newPassword) {
    }

    record AccountOutcome(String status) {
    }

    record Verified(AccountId accountId, boolean emailVerified) {
    }

    record PasswordSet(AccountId accountId) {
    }

    record AccountTokens(String accessToken, String tokenType, long expiresIn, String refreshToken,
                         long refreshExpiresIn) {

        static AccountTokens of(Accounts.Tokens tokens) {
            return new AccountTokens(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken(),
                    tokens.refreshExpiresIn());
        }
    }

    @PostMapping("/registrations")
    @Operation(summary = "Register as a customer: a verification link is mailed (202 whether the email is taken or not)")
    ResponseEntity<AccountOutcome> register(@Valid @RequestBody Registration registration, HttpServletRequest request) {
        accounts.register(registration.email(), registration.password(), registration.displayName(),
                registration.language(), clients.of(request));
        return ResponseEntity.accepted().body(new AccountOutcome("VERIFICATION_MAIL_SENT"));
    }

    @PostMapping("/email-verification")
    @Operation(summary = "Verify the email with the mailed single-use token")
    ResponseEntity<Verified> verify(@Valid @RequestBody MailedToken token) {
        return ResponseEntity.ok(new Verified(accounts.verifyEmail(token.token()), true));
    }

    @PostMapping("/sign-in")
    @Operation(summary = "Sign in with email and password: a short-lived access token and a refresh token")
    ResponseEntity<AccountTokens> signIn(@Valid @RequestBody SignIn signIn, HttpServletRequest request) {
        return ResponseEntity.ok(AccountTokens.of(accounts.signIn(signIn.email(), signIn.password(),
                clients.of(request))));
    }

    @PostMapping("/token-refresh")
    @Operation(summary = "Trade a refresh token for new tokens; each works once, and reusing one revokes its sign-in")
    ResponseEntity<AccountTokens> refresh(@Valid @RequestBody RefreshToken token) {
        return ResponseEntity.ok(AccountTokens.of(accounts.refresh(token.refreshToken())));
    }

    @PostMapping("/sign-out")
    @Operation(summary = "Sign out: revokes the refresh token and every token rotated from the same sign-in")
    ResponseEntity<Void> signOut(@Valid @RequestBody RefreshToken token) {
        accounts.signOut(token.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/password-reset")
    @Operation(summary = "Ask for a password reset link by mail (202 whether or not the email has an account)")
    ResponseEntity<AccountOutcome> requestReset(@Valid @RequestBody ResetRequest reset, HttpServletRequest request) {
        accounts.requestPasswordReset(reset.email(), clients.of(request));
        return ResponseEntity.accepted().body(new AccountOutcome("RESET_MAIL_SENT_IF_ACCOUNT_EXISTS"));
    }

    @PostMapping("/password-reset/confirmation")
    @Operation(summary = "Set a new password with the mailed single-use token (also completes a staff invitation)")
    ResponseEntity<PasswordSet> resetPassword(@Valid @RequestBody NewPassword password) {
        return ResponseEntity.ok(new PasswordSet(accounts.resetPassword(password.token(), password.newPassword())));
    }
}
