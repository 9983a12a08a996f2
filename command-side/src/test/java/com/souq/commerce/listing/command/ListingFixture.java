package com.souq.commerce.listing.command;

import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.Condition;
import com.souq.commerce.listing.api.CreateListingCommand;
import com.souq.commerce.listing.api.ListingAttributes;
import com.souq.commerce.listing.api.ListingCreatedEvent;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ListingPublishedEvent;
import com.souq.commerce.listing.api.LocalizedText;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;
import java.util.Map;

/** Listings at each stage, as the events that made them. */
final class ListingFixture {

    static final ListingId LISTING = ListingId.of("7f1d2c3b-4a5e-4f60-8a71-92b3c4d5e6f7");
    static final VendorId VENDOR = VendorId.of("5d1c8a34-6b7e-4f43-9a43-0d7c1c2b9a11");
    static final VendorId OTHER_VENDOR = VendorId.of("0b6f4a52-3c55-4f0e-9d7e-5b0f3f1b8a01");
    static final OrderId ORDER_A = OrderId.of("a0000000-0000-4000-8000-00000000000a");
    static final OrderId ORDER_B = OrderId.of("b0000000-0000-4000-8000-00000000000b");
    static final Money PRICE = Money.of(45_000_00, "EGP");
    static final LocalizedText TITLE = LocalizedText.of(Map.of("en", "Toyota Camry 2019", "ar", "تويوتا كامري ٢٠١٩"));
    static final ListingAttributes CAR = new ListingAttributes("Toyota", "Camry", 2019, 85_000, Condition.USED,
            List.of(), "Cairo", Map.of("engine-size", "2.5L"));

    private ListingFixture() {
    }

    static CreateListingCommand draft(int stock) {
        return new CreateListingCommand(LISTING, VENDOR, Category.CARS, TITLE, LocalizedText.empty(), CAR, PRICE, stock);
    }

    static ListingCreatedEvent created(int stock) {
        return new ListingCreatedEvent(LISTING, VENDOR, Category.CARS, TITLE, LocalizedText.empty(), CAR, PRICE, stock);
    }

    static ListingCreatedEvent createdWithoutTitle() {
        return new ListingCreatedEvent(LISTING, VENDOR, Category.CARS, LocalizedText.empty(), LocalizedText.empty(),
                CAR, PRICE, 1);
    }

    static List<Object> published(int stock) {
        return List.of(created(stock), new ListingPublishedEvent(LISTING, VENDOR));
    }
}
