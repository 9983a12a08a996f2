package com.souq.commerce.saga.commission;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.order.api.VendorOrderDeliveredEvent;
import com.souq.commerce.payment.api.PaymentCapturedEvent;
import com.souq.commerce.shared.pricing.VatTable;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;

/** Commission sagas in a given state, built through their own handlers with an inert gateway and scheduler. */
public final class CommissionSagaStates {

    private CommissionSagaStates() {
    }

    /** Captured, paid and split by {@link CommissionFixture}'s terms, with the given shares delivered. */
    public static Object afterPosting(PaymentCapturedEvent captured, OrderPaidEvent paid,
                                      VendorOrderDeliveredEvent... delivered) {
        CommissionSaga saga = new CommissionSaga();
        CommandGateway commands = mock(CommandGateway.class);
        DeadlineManager deadlines = mock(DeadlineManager.class);
        when(deadlines.schedule(any(Duration.class), anyString(), any())).thenReturn("return-window-1");
        KnownTerms terms = new KnownTerms().with(CommissionFixture.CAIRO_TERMS).with(CommissionFixture.GIZA_TERMS);
        Instant at = Instant.parse("2026-03-01T10:15:30Z");
        saga.on(captured, at, commands, deadlines, terms, VatTable.seed());
        saga.on(paid, at, commands, deadlines, terms, VatTable.seed());
        for (VendorOrderDeliveredEvent event : delivered) {
            saga.on(event, deadlines, new CommissionSettings(Duration.ofDays(14)));
        }
        return saga;
    }
}
