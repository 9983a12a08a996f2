package com.souq.commerce.listing.command.web;

import com.souq.commerce.listing.api.AdjustListingStockCommand;
import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.ChangeListingPriceCommand;
import com.souq.commerce.listing.api.CreateListingCommand;
import com.souq.commerce.listing.api.DeleteListingCommand;
import com.souq.commerce.listing.api.EditListingCommand;
import com.souq.commerce.listing.api.ListingAttributes;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.LocalizedText;
import com.souq.commerce.listing.api.MarkListingSoldCommand;
import com.souq.commerce.listing.api.PublishListingCommand;
import com.souq.commerce.listing.api.UnpublishListingCommand;
import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.web.ExpectedVersion;
import com.souq.commerce.platform.web.idempotency.IdempotentCommands;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A vendor's listings over HTTP: draft, edit, reprice, restock, publish, unpublish, mark sold, delete. Vendor staff
 * act for the vendor named in their token; administrators for any vendor.
 */
@RestController
@Tag(name = "listings")
class ListingCommandController {

    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final IdempotentCommands idempotency;

    ListingCommandController(CommandGateway commands, IdempotentCommands idempotency) {
        this.commands = commands;
        this.idempotency = idempotency;
    }

    /** A text per language; each optional, at most {@code max} characters. */
    record Texts(@Size(max = 200) String en, @Size(max = 200) String ar, @Size(max = 200) String si,
                 @Size(max = 200) String ta) {

        LocalizedText toLocalized() {
            return LocalizedText.of(byLanguage(en, ar, si, ta));
        }
    }

    record Descriptions(@Size(max = 5000) String en, @Size(max = 5000) String ar, @Size(max = 5000) String si,
                        @Size(max = 5000) String ta) {

        LocalizedText toLocalized() {
            return LocalizedText.of(byLanguage(en, ar, si, ta));
        }
    }

    record Price(@NotNull @PositiveOrZero Long minorUnits, @NotNull Currency currency) {

        Money toMoney() {
            return new Money(minorUnits, currency);
        }
    }

    record Draft(@NotNull Category category, @NotNull @Valid Texts title, @Valid Descriptions description,
                 @Valid ListingAttributes attributes, @NotNull @Valid Price price,
                 @NotNull @Min(0) @Max(1_000_000) Integer stock) {
    }

    record Edit(@NotNull Category category, @NotNull @Valid Texts title, @Valid Descriptions description,
                @Valid ListingAttributes attributes) {
    }

    record Stock(@NotNull @Min(0) @Max(1_000_000) Integer quantityOnHand) {
    }

    record Accepted(ListingId listingId) {
    }

    @PostMapping("/api/v1/vendors/{vendorId}/listings")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "Draft a listing for a vendor (Idempotency-Key required)")
    ResponseEntity<?> draft(@PathVariable String vendorId,
                            @RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                            @Valid @RequestBody Draft draft, Authentication caller) {
        VendorId vendor = VendorId.of(vendorId);
        Actor.of(caller).requireActsFor(vendor.value());
        return idempotency.execute(idempotencyKey, draft, () -> {
            ListingId listingId = ListingId.random();
            commands.sendAndWait(new CreateListingCommand(listingId, vendor, draft.category(),
                    draft.title().toLocalized(), descriptions(draft.description()), attributes(draft.attributes()),
                    draft.price().toMoney(), draft.stock()), TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ResponseEntity.created(URI.create("/api/v1/listings/" + listingId)).body(new Accepted(listingId));
        });
    }

    @PutMapping("/api/v1/listings/{listingId}")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "Replace category, title, description and attributes")
    ResponseEntity<Accepted> edit(@PathVariable String listingId,
                                  @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                  @Valid @RequestBody Edit edit, Authentication caller) {
        ListingId id = ListingId.of(listingId);
        return send(id, new EditListingCommand(id, actingVendor(caller), edit.category(), edit.title().toLocalized(),
                descriptions(edit.description()), attributes(edit.attributes()), ExpectedVersion.fromIfMatch(ifMatch)));
    }

    @PutMapping("/api/v1/listings/{listingId}/price")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "Set the price (minor units, in the vendor's currency)")
    ResponseEntity<Accepted> reprice(@PathVariable String listingId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody Price price, Authentication caller) {
        ListingId id = ListingId.of(listingId);
        return send(id, new ChangeListingPriceCommand(id, actingVendor(caller), price.toMoney(),
                ExpectedVersion.fromIfMatch(ifMatch)));
    }

    @PutMapping("/api/v1/listings/{listingId}/stock")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "Set the quantity on hand (never below what orders hold)")
    ResponseEntity<Accepted> restock(@PathVariable String listingId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody Stock stock, Authentication caller) {
        ListingId id = ListingId.of(listingId);
        return send(id, new AdjustListingStockCommand(id, actingVendor(caller), stock.quantityOnHand(),
                ExpectedVersion.fromIfMatch(ifMatch)));
    }

    @PostMapping("/api/v1/listings/{listingId}/publication")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "Publish: put the listing on the storefront")
    ResponseEntity<Accepted> publish(@PathVariable String listingId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     Authentication caller) {
        ListingId id = ListingId.of(listingId);
        return send(id, new PublishListingCommand(id, actingVendor(caller), ExpectedVersion.fromIfMatch(ifMatch)));
    }

    @DeleteMapping("/api/v1/listings/{listingId}/publication")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "Unpublish: take the listing off the storefront")
    ResponseEntity<Accepted> unpublish(@PathVariable String listingId,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                       Authentication caller) {
        ListingId id = ListingId.of(listingId);
        return send(id, new UnpublishListingCommand(id, actingVendor(caller), ExpectedVersion.fromIfMatch(ifMatch)));
    }

    @PostMapping("/api/v1/listings/{listingId}/sale")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "Mark the listing sold (final)")
    ResponseEntity<Accepted> markSold(@PathVariable String listingId,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                      Authentication caller) {
        ListingId id = ListingId.of(listingId);
        return send(id, new MarkListingSoldCommand(id, actingVendor(caller), ExpectedVersion.fromIfMatch(ifMatch)));
    }

    @DeleteMapping("/api/v1/listings/{listingId}")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "Delete the listing (final)")
    ResponseEntity<Accepted> delete(@PathVariable String listingId,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                    Authentication caller) {
        ListingId id = ListingId.of(listingId);
        return send(id, new DeleteListingCommand(id, actingVendor(caller), ExpectedVersion.fromIfMatch(ifMatch)));
    }

    private ResponseEntity<Accepted> send(ListingId listingId, Object command) {
        commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return ResponseEntity.accepted().body(new Accepted(listingId));
    }

    /** Vendor staff act for the vendor of their token, administrators for anyone (null: no ownership check). */
    private static VendorId actingVendor(Authentication caller) {
        return Actor.of(caller).actingVendor();
    }

    private static LocalizedText descriptions(Descriptions description) {
        return description == null ? LocalizedText.empty() : description.toLocalized();
    }

    private static ListingAttributes attributes(ListingAttributes attributes) {
        return attributes == null ? ListingAttributes.none() : attributes;
    }

    private static Map<String, String> byLanguage(String en, String ar, String si, String ta) {
        Map<String, String> texts = new HashMap<>();
        texts.put("en", en);
        texts.put("ar", ar);
        texts.put("si", si);
        texts.put("ta", ta);
        texts.values().removeIf(text -> text == null);
        return texts;
    }
}
