package com.souq.commerce.listing.command;

import static com.souq.commerce.listing.command.ListingFixture.LISTING;
import static com.souq.commerce.listing.command.ListingFixture.ORDER_A;
import static com.souq.commerce.listing.command.ListingFixture.ORDER_B;
import static com.souq.commerce.listing.command.ListingFixture.OTHER_VENDOR;
import static com.souq.commerce.listing.command.ListingFixture.PRICE;
import static com.souq.commerce.listing.command.ListingFixture.VENDOR;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.souq.commerce.listing.api.AdjustListingStockCommand;
import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.ChangeListingPriceCommand;
import com.souq.commerce.listing.api.CommitStockReservationCommand;
import com.souq.commerce.listing.api.DeleteListingCommand;
import com.souq.commerce.listing.api.EditListingCommand;
import com.souq.commerce.listing.api.ListingAttributes;
import com.souq.commerce.listing.api.ListingDeletedEvent;
import com.souq.commerce.listing.api.ListingEditedEvent;
import com.souq.commerce.listing.api.ListingPriceChangedEvent;
import com.souq.commerce.listing.api.ListingPublishedEvent;
import com.souq.commerce.listing.api.ListingRestockedForRefundEvent;
import com.souq.commerce.listing.api.ListingSoldEvent;
import com.souq.commerce.listing.api.ListingStockAdjustedEvent;
import com.souq.commerce.listing.api.ListingUnpublishedEvent;
import com.souq.commerce.listing.api.LocalizedText;
import com.souq.commerce.listing.api.MarkListingSoldCommand;
import com.souq.commerce.listing.api.PublishListingCommand;
import com.souq.commerce.listing.api.ReleaseStockReservationCommand;
import com.souq.commerce.listing.api.ReserveStockCommand;
import com.souq.commerce.listing.api.RestockListingForRefundCommand;
import com.souq.commerce.listing.api.StockReservationCommittedEvent;
import com.souq.commerce.listing.api.StockReservationRejectedEvent;
import com.souq.commerce.listing.api.StockReservationReleasedEvent;
import com.souq.commerce.listing.api.StockReservedEvent;
import com.souq.commerce.listing.api.UnpublishListingCommand;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.money.Currencies;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.ShippingPolicy;
import com.souq.commerce.vendor.api.VendorStatus;
import com.souq.commerce.vendor.command.VendorStanding;
import com.souq.commerce.vendor.command.VendorStandings;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListingTest {

    private FixtureConfiguration<Listing> fixture;
    private VendorStandings vendors;

    @BeforeEach
    void setUp() {
        vendors = mock(VendorStandings.class);
        vendorIs(VendorStatus.APPROVED);
        fixture = new AggregateTestFixture<>(Listing.class);
        fixture.registerInjectableResource(vendors);
    }

    private void vendorIs(VendorStatus status) {
        when(vendors.of(VENDOR)).thenReturn(new VendorStanding(VENDOR, status, Currencies.of("EGP"),
                ShippingPolicy.free(Currencies.of("EGP"))));
    }

    @Test
    void vendorDraftsAListing() {
        fixture.givenNoPriorActivity()
                .when(ListingFixture.draft(3))
                .expectEvents(ListingFixture.created(3));
    }

    @Test
    void vendorUnderReviewMayDraftButNotPublish() {
        vendorIs(VendorStatus.UNDER_REVIEW);
        fixture.givenNoPriorActivity().when(ListingFixture.draft(1)).expectEvents(ListingFixture.created(1));
        fixture.given(ListingFixture.created(1))
                .when(new PublishListingCommand(LISTING, VENDOR, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Only an approved vendor publishes listings")
                .expectNoEvents();
    }

    @Test
    void rejectedVendorCannotDraft() {
        vendorIs(VendorStatus.REJECTED);
        fixture.givenNoPriorActivity().when(ListingFixture.draft(1))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void priceInAnotherCurrencyThanTheVendorsIsRefused() {
        fixture.given(ListingFixture.created(1))
                .when(new ChangeListingPriceCommand(LISTING, VENDOR, Money.of(100_00, "SAR"), null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The vendor sells in EGP, not SAR")
                .expectNoEvents();
    }

    @Test
    void negativeStockIsRefused() {
        fixture.givenNoPriorActivity().when(ListingFixture.draft(-1))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void approvedVendorPublishesAListingWithTitleAndPrice() {
        fixture.given(ListingFixture.created(1))
                .when(new PublishListingCommand(LISTING, VENDOR, null))
                .expectEvents(new ListingPublishedEvent(LISTING, VENDOR));
    }

    @Test
    void listingWithoutTitleIsNotPublished() {
        fixture.given(ListingFixture.createdWithoutTitle())
                .when(new PublishListingCommand(LISTING, VENDOR, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A listing needs a title to be published")
                .expectNoEvents();
    }

    @Test
    void listingAtZeroPriceIsNotPublished() {
        fixture.given(ListingFixture.created(1),
                        new ListingPriceChangedEvent(LISTING, VENDOR, PRICE, Money.of(0, "EGP")))
                .when(new PublishListingCommand(LISTING, VENDOR, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A listing needs a price to be published")
                .expectNoEvents();
    }

    @Test
    void anotherVendorCannotTouchTheListing() {
        fixture.given(ListingFixture.created(1))
                .when(new PublishListingCommand(LISTING, OTHER_VENDOR, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Listing " + LISTING + " belongs to another vendor")
                .expectNoEvents();
    }

    @Test
    void publishedListingIsUnpublishedAndPublishedAgain() {
        fixture.given(ListingFixture.published(1))
                .when(new UnpublishListingCommand(LISTING, VENDOR, null))
                .expectEvents(new ListingUnpublishedEvent(LISTING, VENDOR));
        fixture.given(ListingFixture.created(1), new ListingPublishedEvent(LISTING, VENDOR),
                        new ListingUnpublishedEvent(LISTING, VENDOR))
                .when(new PublishListingCommand(LISTING, VENDOR, null))
                .expectEvents(new ListingPublishedEvent(LISTING, VENDOR));
    }

    @Test
    void publishingAPublishedListingChangesNothing() {
        fixture.given(ListingFixture.published(1))
                .when(new PublishListingCommand(LISTING, VENDOR, null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void draftCannotBeUnpublished() {
        fixture.given(ListingFixture.created(1))
                .when(new UnpublishListingCommand(LISTING, VENDOR, null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void vendorEditsTextsAndAttributes() {
        LocalizedText title = LocalizedText.of(Map.of("en", "Toyota Camry 2019 GLE"));
        fixture.given(ListingFixture.published(1))
                .when(new EditListingCommand(LISTING, VENDOR, Category.CARS, title, LocalizedText.empty(),
                        ListingAttributes.none(), null))
                .expectEvents(new ListingEditedEvent(LISTING, VENDOR, Category.CARS, title, LocalizedText.empty(),
                        ListingAttributes.none()));
    }

    @Test
    void deletedListingCannotBeEditedRepricedOrPublished() {
        fixture.given(ListingFixture.created(1), new ListingDeletedEvent(LISTING, VENDOR))
                .when(new EditListingCommand(LISTING, VENDOR, Category.CARS, ListingFixture.TITLE,
                        LocalizedText.empty(), ListingAttributes.none(), null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A listing in state DELETED cannot be edited")
                .expectNoEvents();
        fixture.given(ListingFixture.created(1), new ListingDeletedEvent(LISTING, VENDOR))
                .when(new ChangeListingPriceCommand(LISTING, VENDOR, Money.of(1, "EGP"), null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.given(ListingFixture.created(1), new ListingDeletedEvent(LISTING, VENDOR))
                .when(new PublishListingCommand(LISTING, VENDOR, null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void soldListingLeavesForGood() {
        fixture.given(ListingFixture.published(1))
                .when(new MarkListingSoldCommand(LISTING, VENDOR, null))
                .expectEvents(new ListingSoldEvent(LISTING, VENDOR));
        fixture.given(ListingFixture.created(1), new ListingSoldEvent(LISTING, VENDOR))
                .when(new PublishListingCommand(LISTING, VENDOR, null))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void deletingTwiceChangesNothing() {
        fixture.given(ListingFixture.created(1), new ListingDeletedEvent(LISTING, VENDOR))
                .when(new DeleteListingCommand(LISTING, VENDOR, null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void repricingKeepsThePreviousPrice() {
        Money lower = Money.of(43_500_00, "EGP");
        fixture.given(ListingFixture.published(1))
                .when(new ChangeListingPriceCommand(LISTING, VENDOR, lower, null))
                .expectEvents(new ListingPriceChangedEvent(LISTING, VENDOR, PRICE, lower));
    }

    @Test
    void reservationHoldsStockForAnOrder() {
        fixture.given(ListingFixture.published(5))
                .when(new ReserveStockCommand(LISTING, ORDER_A, 2))
                .expectEvents(new StockReservedEvent(LISTING, VENDOR, ORDER_A, 2, PRICE, 3));
    }

    @Test
    void reservingTwiceForTheSameOrderChangesNothing() {
        fixture.given(ListingFixture.created(5), new ListingPublishedEvent(LISTING, VENDOR),
                        new StockReservedEvent(LISTING, VENDOR, ORDER_A, 2, PRICE, 3))
                .when(new ReserveStockCommand(LISTING, ORDER_A, 2))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void cannotReserveMoreThanAvailable() {
        fixture.given(ListingFixture.created(5), new ListingPublishedEvent(LISTING, VENDOR),
                        new StockReservedEvent(LISTING, VENDOR, ORDER_A, 4, PRICE, 1))
                .when(new ReserveStockCommand(LISTING, ORDER_B, 2))
                .expectEvents(new StockReservationRejectedEvent(LISTING, VENDOR, ORDER_B, 2, 1, "INSUFFICIENT_STOCK"));
    }

    @Test
    void twoOrdersRacingForTheLastItemOnlyOneGetsIt() {
        fixture.given(ListingFixture.created(1), new ListingPublishedEvent(LISTING, VENDOR),
                        new StockReservedEvent(LISTING, VENDOR, ORDER_A, 1, PRICE, 0))
                .when(new ReserveStockCommand(LISTING, ORDER_B, 1))
                .expectEvents(new StockReservationRejectedEvent(LISTING, VENDOR, ORDER_B, 1, 0, "INSUFFICIENT_STOCK"));
    }

    @Test
    void unpublishedListingRejectsReservations() {
        fixture.given(ListingFixture.created(5))
                .when(new ReserveStockCommand(LISTING, ORDER_A, 1))
                .expectEvents(new StockReservationRejectedEvent(LISTING, VENDOR, ORDER_A, 1, 5, "NOT_PUBLISHED"));
    }

    @Test
    void suspendedVendorsListingRejectsReservations() {
        vendorIs(VendorStatus.SUSPENDED);
        fixture.given(ListingFixture.published(5))
                .when(new ReserveStockCommand(LISTING, ORDER_A, 1))
                .expectEvents(new StockReservationRejectedEvent(LISTING, VENDOR, ORDER_A, 1, 5,
                        "VENDOR_NOT_APPROVED"));
    }

    @Test
    void zeroQuantityReservationIsRefused() {
        fixture.given(ListingFixture.published(5))
                .when(new ReserveStockCommand(LISTING, ORDER_A, 0))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void releaseGivesTheItemsBackOnce() {
        fixture.given(ListingFixture.created(5), new ListingPublishedEvent(LISTING, VENDOR),
                        new StockReservedEvent(LISTING, VENDOR, ORDER_A, 2, PRICE, 3))
                .when(new ReleaseStockReservationCommand(LISTING, ORDER_A))
                .expectEvents(new StockReservationReleasedEvent(LISTING, VENDOR, ORDER_A, 2, 5));
        fixture.given(ListingFixture.created(5), new ListingPublishedEvent(LISTING, VENDOR),
                        new StockReservedEvent(LISTING, VENDOR, ORDER_A, 2, PRICE, 3),
                        new StockReservationReleasedEvent(LISTING, VENDOR, ORDER_A, 2, 5))
                .when(new ReleaseStockReservationCommand(LISTING, ORDER_A))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void releasingAnUnknownOrderChangesNothing() {
        fixture.given(ListingFixture.published(5))
                .when(new ReleaseStockReservationCommand(LISTING, ORDER_B))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void commitTakesTheItemsOutOfStockOnce() {
        fixture.given(ListingFixture.created(5), new ListingPublishedEvent(LISTING, VENDOR),
                        new StockReservedEvent(LISTING, VENDOR, ORDER_A, 2, PRICE, 3))
                .when(new CommitStockReservationCommand(LISTING, ORDER_A))
                .expectEvents(new StockReservationCommittedEvent(LISTING, VENDOR, ORDER_A, 2, 3));
        fixture.given(ListingFixture.created(5), new ListingPublishedEvent(LISTING, VENDOR),
                        new StockReservedEvent(LISTING, VENDOR, ORDER_A, 2, PRICE, 3),
                        new StockReservationCommittedEvent(LISTING, VENDOR, ORDER_A, 2, 3))
                .when(new CommitStockReservationCommand(LISTING, ORDER_A))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void releasedReservationCannotBeCommitted() {
        fixture.given(ListingFixture.created(5), new ListingPublishedEvent(LISTING, VENDOR),
                        new StockReservedEvent(LISTING, VENDOR, ORDER_A, 2, PRICE, 3),
                        new StockReservationReleasedEvent(LISTING, VENDOR, ORDER_A, 2, 5))
                .when(new CommitStockReservationCommand(LISTING, ORDER_A))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void stockCannotBeCountedBelowWhatOrdersHold() {
        fixture.given(ListingFixture.created(5), new ListingPublishedEvent(LISTING, VENDOR),
                        new StockReservedEvent(LISTING, VENDOR, ORDER_A, 3, PRICE, 2))
                .when(new AdjustListingStockCommand(LISTING, VENDOR, 2, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Orders hold 3 items: stock on hand cannot be 2")
                .expectNoEvents();
    }

    @Test
    void restockingRecordsTheReservedItems() {
        fixture.given(ListingFixture.created(5), new ListingPublishedEvent(LISTING, VENDOR),
                        new StockReservedEvent(LISTING, VENDOR, ORDER_A, 3, PRICE, 2))
                .when(new AdjustListingStockCommand(LISTING, VENDOR, 10, null))
                .expectEvents(new ListingStockAdjustedEvent(LISTING, VENDOR, 5, 10, 3));
    }

    @Test
    void afterRestockingReservationsSeeTheNewStock() {
        fixture.given(ListingFixture.created(1), new ListingPublishedEvent(LISTING, VENDOR),
                        new ListingStockAdjustedEvent(LISTING, VENDOR, 1, 4, 0))
                .when(new ReserveStockCommand(LISTING, ORDER_A, 4))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(event -> event instanceof StockReservedEvent reserved
                                && reserved.available() == 0),
                        Matchers.andNoMore())));
    }

    private static final RefundId REFUND_1 = RefundId.of("c0000000-0000-4000-8000-000000000001");
    private static final RefundId REFUND_2 = RefundId.of("c0000000-0000-4000-8000-000000000002");

    /** 5 on hand, order A took 3 with its shipment, order B holds 1: 2 on hand, 1 available. */
    private static Object[] shippedToOrderA() {
        return new Object[] {ListingFixture.created(5), new ListingPublishedEvent(LISTING, VENDOR),
                new StockReservedEvent(LISTING, VENDOR, ORDER_A, 3, PRICE, 2),
                new StockReservationCommittedEvent(LISTING, VENDOR, ORDER_A, 3, 2),
                new StockReservedEvent(LISTING, VENDOR, ORDER_B, 1, PRICE, 1)};
    }

    @Test
    void refundedItemsThatShippedComeBackOnHandOncePerRefund() {
        fixture.given(shippedToOrderA())
                .when(new RestockListingForRefundCommand(LISTING, REFUND_1, ORDER_A, 2))
                .expectEvents(new ListingRestockedForRefundEvent(LISTING, VENDOR, REFUND_1, ORDER_A, 2, 4, 3));
        fixture.given(shippedToOrderA())
                .andGiven(new ListingRestockedForRefundEvent(LISTING, VENDOR, REFUND_1, ORDER_A, 2, 4, 3))
                .when(new RestockListingForRefundCommand(LISTING, REFUND_1, ORDER_A, 2))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anOrderGetsBackNoMoreThanItsShipmentTook() {
        fixture.given(shippedToOrderA())
                .andGiven(new ListingRestockedForRefundEvent(LISTING, VENDOR, REFUND_1, ORDER_A, 2, 4, 3))
                .when(new RestockListingForRefundCommand(LISTING, REFUND_2, ORDER_A, 2))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.given(shippedToOrderA())
                .andGiven(new ListingRestockedForRefundEvent(LISTING, VENDOR, REFUND_1, ORDER_A, 2, 4, 3))
                .when(new RestockListingForRefundCommand(LISTING, REFUND_2, ORDER_A, 1))
                .expectEvents(new ListingRestockedForRefundEvent(LISTING, VENDOR, REFUND_2, ORDER_A, 1, 5, 4));
    }

    @Test
    void itemsThatNeverShippedAreNotRestocked() {
        // order B's reservation is still held: releasing it gives the stock back, a restock would count it twice
        fixture.given(shippedToOrderA())
                .when(new RestockListingForRefundCommand(LISTING, REFUND_1, ORDER_B, 1))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.given(shippedToOrderA())
                .andGiven(new StockReservationReleasedEvent(LISTING, VENDOR, ORDER_B, 1, 2))
                .when(new RestockListingForRefundCommand(LISTING, REFUND_1, ORDER_B, 1))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void soldOrDeletedListingIsNotRestocked() {
        fixture.given(shippedToOrderA())
                .andGiven(new ListingSoldEvent(LISTING, VENDOR))
                .when(new RestockListingForRefundCommand(LISTING, REFUND_1, ORDER_A, 1))
                .expectException(DomainRuleViolation.class).expectNoEvents();
        fixture.given(shippedToOrderA())
                .andGiven(new ListingDeletedEvent(LISTING, VENDOR))
                .when(new RestockListingForRefundCommand(LISTING, REFUND_1, ORDER_A, 1))
                .expectException(DomainRuleViolation.class).expectNoEvents();
    }

    @Test
    void restockedItemsCanBeReservedAgain() {
        fixture.given(shippedToOrderA())
                .andGiven(new ListingRestockedForRefundEvent(LISTING, VENDOR, REFUND_1, ORDER_A, 3, 5, 4))
                .when(new ReserveStockCommand(LISTING, OrderId.of("d0000000-0000-4000-8000-00000000000d"), 4))
                .expectEvents(new StockReservedEvent(LISTING, VENDOR,
                        OrderId.of("d0000000-0000-4000-8000-00000000000d"), 4, PRICE, 0));
    }
}
