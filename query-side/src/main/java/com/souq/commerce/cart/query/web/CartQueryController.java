package com.souq.commerce.cart.query.web;

import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.cart.query.api.CartView;
import com.souq.commerce.cart.query.api.FindCartQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in customer's open cart; a customer who never added anything has an empty cart, not a missing one. */
@RestController
@Tag(name = "cart")
class CartQueryController {

    private final QueryGateway queries;

    CartQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/cart")
    @PreAuthorize("hasRole('CUSTOMER')")
    @Operation(summary = "The signed-in customer's open cart, each line at the unit price seen")
    CartView cart(Principal customer) {
        return queries.query(new FindCartQuery(CartId.ofCustomer(customer.getName())), CartView.class).join();
    }
}
