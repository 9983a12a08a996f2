package com.souq.commerce.account.command;

import com.souq.commerce.account.api.AccountId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.shared.Identifiers;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Mails a customer with an account the confirmation of a paid order, in the account's language, through the outbox
 * (one mail per order however often the event is delivered). Orders of subjects without an account (development
 * tokens) are not mailed.
 */
@Component
@ProcessingGroup(OrderConfirmationMails.PROCESSING_GROUP)
class OrderConfirmationMails {

    static final String PROCESSING_GROUP = "order-mails";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Credentials credentials;
    private final MailOutbox outbox;

    OrderConfirmationMails(Credentials credentials, MailOutbox outbox) {
        this.credentials = credentials;
        this.outbox = outbox;
    }

    @EventHandler
    void on(OrderPaidEvent event) {
        if (event.customerSubject() == null || !UUID_TEXT.matcher(event.customerSubject()).matches()) {
            return;
        }
        credentials.byId(AccountId.of(Identifiers.requireValid("account", event.customerSubject())))
                .ifPresent(login -> outbox.enqueue("order-confirmation:" + event.orderId().value(), login.accountId(),
                        login.email(), "order-confirmation", login.language(), Map.of(
                                "name", login.displayName(),
                                "orderId", event.orderId().value(),
                                "amount", BigDecimal.valueOf(event.amount().minorUnits(),
                                        event.amount().currency().getDefaultFractionDigits()).toPlainString(),
                                "currency", event.amount().currency().getCurrencyCode(),
                                "items", String.valueOf(event.lines().stream().mapToInt(OrderLine::quantity).sum()))));
    }
}
