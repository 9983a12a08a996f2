package com.souq.commerce.saga.payout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded default's payout provider: no money moves, the payout method says what happens. {@code sandbox-succeed}
 * is paid and {@code sandbox-fail} fails, each once {@code settleAfter} has passed since submission (the provider
 * confirms asynchronously); {@code sandbox-refuse} is refused at submission; any other method is refused too.
 * Stateless: the reference carries the method and the submission time, so the same question answers the same after a
 * restart.
 */
public final class SandboxPayouts implements PayoutPort {

    public static final String SUCCEED = "sandbox-succeed";
    public static final String FAIL = "sandbox-fail";
    public static final String REFUSE = "sandbox-refuse";

    private static final Pattern REFERENCE = Pattern.compile("sandbox_payout_([0-9a-f-]{36})_(succeed|fail)_(\\d+)");

    private final Duration settleAfter;
    private final Clock clock;

    public SandboxPayouts(Duration settleAfter, Clock clock) {
        this.settleAfter = settleAfter;
        this.clock = clock;
    }

    @Override
    public Submission submit(Payout payout) {
        return switch (payout.method()) {
            case SUCCEED -> accepted(payout, "succeed");
            case FAIL -> accepted(payout, "fail");
            case REFUSE -> new Submission.Refused("account_refused: the sandbox refuses as asked");
            default -> new Submission.Refused("unknown_method: the sandbox pays out with " + SUCCEED + ", " + FAIL
                    + " or " + REFUSE + ", not " + payout.method());
        };
    }

    @Override
    public Status status(String reference) {
        Matcher matcher = REFERENCE.matcher(reference == null ? "" : reference);
        if (!matcher.matches()) {
            return new Status.Failed("unknown_payout: the sandbox never accepted " + reference);
        }
        Instant submitted = Instant.ofEpochMilli(Long.parseLong(matcher.group(3)));
        if (clock.instant().isBefore(submitted.plus(settleAfter))) {
            return new Status.Pending();
        }
        return matcher.group(2).equals("succeed") ? new Status.Paid()
                : new Status.Failed("account_closed: the sandbox fails as asked");
    }

    private Submission accepted(Payout payout, String outcome) {
        return new Submission.Accepted("sandbox_payout_" + payout.payoutId().value() + "_" + outcome + "_"
                + clock.instant().toEpochMilli());
    }
}
