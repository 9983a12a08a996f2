package com.souq.commerce.payment.query.web;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.query.api.FindOrderPaymentQuery;
import com.souq.commerce.payment.query.api.PaymentView;
import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.web.ExpectedVersion;
import com.souq.commerce.shared.error.DomainRuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment of an order, for the customer who pays and for staff; to anyone else, and before payment is requested,
 * there is none (404). A read answers the payment's version as its {@code ETag}.
 */
@RestController
@Tag(name = "payments")
class PaymentQueryController {

    private final QueryGateway queries;

    PaymentQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/orders/{orderId}/payment")
    @Operation(summary = "The payment of an order: status, provider, amounts, next action, failure (its customer "
            + "and staff)")
    ResponseEntity<PaymentView> payment(@PathVariable String orderId, Authentication caller) {
        PaymentView payment = queries.query(new FindOrderPaymentQuery(OrderId.of(orderId)),
                        ResponseTypes.optionalInstanceOf(PaymentView.class)).join()
                .filter(view -> view.customerSubject().equals(caller.getName()) || Actor.of(caller).isStaff())
                .orElseThrow(() -> new DomainRuleViolation(DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND",
                        "No payment for order " + orderId));
        return ResponseEntity.ok().eTag(ExpectedVersion.entityTag(payment.version())).body(payment);
    }
}
