package com.souq.commerce.cart.command.web;

import com.souq.commerce.cart.api.AddToCartCommand;
import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.cart.api.ChangeCartLineQuantityCommand;
import com.souq.commerce.cart.api.CheckOutCartCommand;
import com.souq.commerce.cart.api.CheckoutOutcome;
import com.souq.commerce.cart.api.RemoveCartLineCommand;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.platform.web.Problems;
import com.souq.commerce.platform.web.idempotency.IdempotentCommands;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in customer's cart: add, change, remove lines, and check out into an order. */
@RestController
@RequestMapping("/api/v1/cart")
@PreAuthorize("hasRole('CUSTOMER')")
@Tag(name = "cart")
class CartCommandController {

    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final IdempotentCommands idempotency;

    CartCommandController(CommandGateway commands, IdempotentCommands idempotency) {
        this.commands = commands;
        this.idempotency = idempotency;
    }

    record NewLine(@NotNull ListingId listingId, @NotNull @Min(1) @Max(1_000) Integer quantity) {
    }

    record Quantity(@NotNull @Min(0) @Max(1_000) Integer quantity) {
    }

    record Address(@NotBlank @Size(max = 120) String recipient,
                   @NotBlank @Pattern(regexp = "\\+?[0-9 ]{6,20}") String phone,
                   @NotBlank @Size(max = 200) String line1,
                   @Size(max = 200) String line2,
                   @NotBlank @Size(max = 100) String city,
                   @Size(max = 20) String postalCode,
                   @NotNull CountryCode country) {

        ShippingAddress toShippingAddress() {
            return new ShippingAddress(recipient, phone, line1, line2, city, postalCode, country);
        }
    }

    /**
     * How the order is paid: a provider and its method; {@code {"provider": "WALLET", "method": "wallet"}} pays all of
     * it from the customer's wallet, and {@code fromWallet} pays that much from the wallet and the rest with the
     * provider.
     */
    record Payment(@NotNull PaymentProvider provider, @NotBlank @Size(max = 255) String method,
                   @Valid WalletPart fromWallet) {

        PaymentInstruction toInstruction() {
            return new PaymentInstruction(provider, method, fromWallet == null ? null : fromWallet.toMoney());
        }
    }

    record WalletPart(@NotNull @Positive Long minorUnits, @NotNull Currency currency) {

        Money toMoney() {
            return new Money(minorUnits, currency);
        }
    }

    record Checkout(@NotNull @Valid Address address, @NotNull @Valid Payment payment) {
    }

    record CartAccepted(CartId cartId) {
    }

    record OrderPlaced(OrderId orderId) {
    }

    @PostMapping("/lines")
    @Operation(summary = "Put items of a listing in the cart (adds to its line if already there)")
    ResponseEntity<CartAccepted> add(@Valid @RequestBody NewLine line, Principal customer) {
        CartId cart = CartId.ofCustomer(customer.getName());
        commands.sendAndWait(new AddToCartCommand(cart, customer.getName(), line.listingId(), line.quantity()),
                TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return ResponseEntity.accepted().body(new CartAccepted(cart));
    }

    @PutMapping("/lines/{listingId}")
    @Operation(summary = "Set a line's quantity; zero removes it")
    ResponseEntity<CartAccepted> change(@PathVariable String listingId, @Valid @RequestBody Quantity quantity,
                                        Principal customer) {
        CartId cart = CartId.ofCustomer(customer.getName());
        commands.sendAndWait(new ChangeCartLineQuantityCommand(cart, ListingId.of(listingId), quantity.quantity()),
                TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return ResponseEntity.accepted().body(new CartAccepted(cart));
    }

    @DeleteMapping("/lines/{listingId}")
    @Operation(summary = "Take a listing out of the cart")
    ResponseEntity<CartAccepted> remove(@PathVariable String listingId, Principal customer) {
        CartId cart = CartId.ofCustomer(customer.getName());
        commands.sendAndWait(new RemoveCartLineCommand(cart, ListingId.of(listingId)), TIMEOUT_SECONDS,
                TimeUnit.SECONDS);
        return ResponseEntity.accepted().body(new CartAccepted(cart));
    }

    @PostMapping("/checkout")
    @Operation(summary = "Check out into an order (Idempotency-Key required); 409 PRICES_CHANGED lists new prices")
    ResponseEntity<?> checkout(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                               @Valid @RequestBody Checkout checkout, Principal customer) {
        return idempotency.execute(idempotencyKey, checkout, () -> {
            OrderId orderId = OrderId.random();
            CheckoutOutcome outcome = commands.sendAndWait(new CheckOutCartCommand(CartId.ofCustomer(
                    customer.getName()), orderId, customer.getName(), checkout.address().toShippingAddress(),
                    checkout.payment().toInstruction()),
                    TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!outcome.placed()) {
                ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "PRICES_CHANGED",
                        "Prices changed since the items were added; the cart now shows them: check out again");
                problem.setProperty("priceChanges", outcome.priceChanges());
                return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
            }
            return ResponseEntity.created(URI.create("/api/v1/orders/" + orderId)).body(new OrderPlaced(orderId));
        });
    }
}
