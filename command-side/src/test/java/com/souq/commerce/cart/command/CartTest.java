package com.souq.commerce.cart.command;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.souq.commerce.cart.api.AddToCartCommand;
import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.cart.api.CartCheckedOutEvent;
import com.souq.commerce.cart.api.CartLineAddedEvent;
import com.souq.commerce.cart.api.CartLineQuantityChangedEvent;
import com.souq.commerce.cart.api.CartLineRemovedEvent;
import com.souq.commerce.cart.api.CartPricesUpdatedEvent;
import com.souq.commerce.cart.api.ChangeCartLineQuantityCommand;
import com.souq.commerce.cart.api.CheckOutCartCommand;
import com.souq.commerce.cart.api.CheckoutOutcome;
import com.souq.commerce.cart.api.PriceChange;
import com.souq.commerce.cart.api.RemoveCartLineCommand;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ListingStatus;
import com.souq.commerce.listing.command.ListingQuote;
import com.souq.commerce.listing.command.ListingQuotes;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Currencies;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.ShippingPolicy;
import com.souq.commerce.shared.pricing.VatTable;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.api.VendorStatus;
import com.souq.commerce.vendor.command.VendorStanding;
import com.souq.commerce.vendor.command.VendorStandings;
import com.souq.commerce.wallet.api.WalletOwner;
import com.souq.commerce.wallet.command.WalletFunds;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CartTest {

    private static final String CUSTOMER = "customer-heliopolis";

    private static final PaymentInstruction CARD = PaymentInstruction.sandbox(PaymentInstruction.SANDBOX_APPROVE);
    private static final CartId CART = CartId.ofCustomer(CUSTOMER);
    private static final VendorId CAIRO_PARTS = VendorId.of("5d1c8a34-6b7e-4f43-9a43-0d7c1c2b9a11");
    private static final VendorId GIZA_TYRES = VendorId.of("0b6f4a52-3c55-4f0e-9d7e-5b0f3f1b8a01");
    private static final VendorId JEDDAH_MOTORS = VendorId.of("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a");
    private static final ListingId BRAKE_PADS = ListingId.of("11111111-1111-4111-8111-111111111111");
    private static final ListingId TYRE = ListingId.of("22222222-2222-4222-8222-222222222222");
    private static final ListingId SAUDI_CAR = ListingId.of("33333333-3333-4333-8333-333333333333");
    private static final ListingId DRAFT = ListingId.of("44444444-4444-4444-8444-444444444444");
    private static final Money PADS_PRICE = Money.of(350_00, "EGP");
    private static final Money TYRE_PRICE = Money.of(1_250_00, "EGP");

    private static final OrderId ORDER = OrderId.of("0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e");
    private static final ShippingAddress HELIOPOLIS = new ShippingAddress("Mona Adel", "+201001234567",
            "12 Baghdad St", null, "Cairo", "11341", CountryCode.of("EG"));

    private FixtureConfiguration<Cart> fixture;
    private ListingQuotes listings;
    private VendorStandings vendors;
    private WalletFunds wallets;

    @BeforeEach
    void setUp() {
        listings = mock(ListingQuotes.class);
        vendors = mock(VendorStandings.class);
        vendorSells(CAIRO_PARTS, VendorStatus.APPROVED, new ShippingPolicy(Money.of(50_00, "EGP"),
                Money.of(1_000_00, "EGP")));
        vendorSells(GIZA_TYRES, VendorStatus.APPROVED, new ShippingPolicy(Money.of(75_00, "EGP"), null));
        when(listings.of(BRAKE_PADS)).thenReturn(
                new ListingQuote(BRAKE_PADS, CAIRO_PARTS, ListingStatus.PUBLISHED, PADS_PRICE, 5));
        when(listings.of(TYRE)).thenReturn(new ListingQuote(TYRE, GIZA_TYRES, ListingStatus.PUBLISHED, TYRE_PRICE, 8));
        when(listings.of(SAUDI_CAR)).thenReturn(new ListingQuote(SAUDI_CAR, JEDDAH_MOTORS, ListingStatus.PUBLISHED,
                Money.of(80_000_00, "SAR"), 1));
        when(listings.of(DRAFT)).thenReturn(new ListingQuote(DRAFT, CAIRO_PARTS, ListingStatus.DRAFT, PADS_PRICE, 3));
        fixture = new AggregateTestFixture<>(Cart.class);
        fixture.registerInjectableResource(listings);
        fixture.registerInjectableResource(vendors);
        fixture.registerInjectableResource(VatTable.seed());
        wallets = mock(WalletFunds.class);
        when(wallets.available(WalletOwner.customer(CUSTOMER), Currencies.of("EGP"))).thenReturn(
                Money.of(300_00, "EGP"));
        fixture.registerInjectableResource(wallets);
    }

    @Test
    void aWalletPartTheWalletCoversIsCheckedOut() {
        PaymentInstruction split = new PaymentInstruction(PaymentProvider.SANDBOX, "approve", Money.of(300_00, "EGP"));
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, BRAKE_PADS, CAIRO_PARTS, 2, PADS_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, split))
                .expectResultMessagePayload(CheckoutOutcome.placed(ORDER))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(event -> event instanceof CartCheckedOutEvent checkedOut
                                && checkedOut.payment().equals(split)),
                        Matchers.andNoMore())));
    }

    @Test
    void aWalletThatDoesNotCoverItsPartRefusesTheCheckoutAndWritesNothing() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, BRAKE_PADS, CAIRO_PARTS, 2, PADS_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, new PaymentInstruction(
                        PaymentProvider.SANDBOX, "approve", Money.of(300_01, "EGP"))))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("300.00"))
                .expectNoEvents();
    }

    @Test
    void theWalletAlonePaysTheWholeOrderOnlyWhenItCoversIt() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, BRAKE_PADS, CAIRO_PARTS, 2, PADS_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, PaymentInstruction.wallet()))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aWalletPartOfTheWholeOrderIsRefused() {
        when(wallets.available(WalletOwner.customer(CUSTOMER), Currencies.of("EGP"))).thenReturn(
                Money.of(10_000_00, "EGP"));
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, BRAKE_PADS, CAIRO_PARTS, 2, PADS_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, new PaymentInstruction(
                        PaymentProvider.SANDBOX, "approve", Money.of(5_000_00, "EGP"))))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    private void vendorSells(VendorId vendor, VendorStatus status, ShippingPolicy shipping) {
        when(vendors.of(vendor)).thenReturn(new VendorStanding(vendor, status, Currencies.of("EGP"), shipping));
    }

    @Test
    void checkoutFreezesTheCartIntoAnOrderPricedWithShippingAndVat() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, BRAKE_PADS, CAIRO_PARTS, 2, PADS_PRICE),
                        new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, CARD))
                .expectResultMessagePayload(CheckoutOutcome.placed(ORDER))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(event -> event instanceof CartCheckedOutEvent checkedOut
                                && checkedOut.orderId().equals(ORDER)
                                && checkedOut.lines().size() == 2
                                // 700.00 + 50.00 shipping + 105.00 VAT; 5,000.00 + 75.00 + 710.50 VAT
                                && checkedOut.totals().grandTotal().equals(Money.of(6_640_50, "EGP"))
                                && checkedOut.totals().shipping().equals(Money.of(125_00, "EGP"))),
                        Matchers.andNoMore())));
    }

    @Test
    void secondCheckoutFindsTheCartEmpty() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 1, TYRE_PRICE),
                        new CartCheckedOutEvent(CART, ORDER, CUSTOMER, HELIOPOLIS, List.of(), null, CARD))
                .when(new CheckOutCartCommand(CART, OrderId.random(), CUSTOMER, HELIOPOLIS, CARD))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The cart is empty")
                .expectNoEvents();
    }

    @Test
    void priceChangedSinceAddingRefusesCheckoutWithTheNewPrice() {
        Money raised = Money.of(1_300_00, "EGP");
        when(listings.of(TYRE)).thenReturn(new ListingQuote(TYRE, GIZA_TYRES, ListingStatus.PUBLISHED, raised, 8));
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, CARD))
                .expectResultMessagePayload(CheckoutOutcome.pricesChanged(
                        List.of(new PriceChange(TYRE, TYRE_PRICE, raised))))
                .expectEvents(new CartPricesUpdatedEvent(CART, List.of(new PriceChange(TYRE, TYRE_PRICE,
                        raised))));

        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE),
                        new CartPricesUpdatedEvent(CART, List.of(new PriceChange(TYRE, TYRE_PRICE, raised))))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, CARD))
                .expectResultMessagePayload(CheckoutOutcome.placed(ORDER));
    }

    @Test
    void listingUnpublishedSinceAddingStopsTheCheckout() {
        when(listings.of(TYRE)).thenReturn(new ListingQuote(TYRE, GIZA_TYRES, ListingStatus.UNPUBLISHED, TYRE_PRICE, 8));
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, CARD))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void stockSoldSinceAddingStopsTheCheckout() {
        when(listings.of(TYRE)).thenReturn(new ListingQuote(TYRE, GIZA_TYRES, ListingStatus.PUBLISHED, TYRE_PRICE, 3));
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, CARD))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Only 3 of listing " + TYRE + " are available")
                .expectNoEvents();
    }

    @Test
    void suspendedVendorStopsTheCheckout() {
        vendorSells(GIZA_TYRES, VendorStatus.SUSPENDED, new ShippingPolicy(Money.of(75_00, "EGP"), null));
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, CARD))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void countryWithoutVatRateIsNotShippedTo() {
        ShippingAddress paris = new ShippingAddress("Jean", "+33100000000", "1 Rue de Rivoli", null, "Paris",
                "75001", CountryCode.of("FR"));
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 1, TYRE_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, paris, CARD))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The marketplace does not ship to FR")
                .expectNoEvents();
    }

    @Test
    void firstItemOpensTheCartAtThePriceSeen() {
        fixture.givenNoPriorActivity()
                .when(new AddToCartCommand(CART, CUSTOMER, BRAKE_PADS, 2))
                .expectEvents(new CartLineAddedEvent(CART, CUSTOMER, BRAKE_PADS, CAIRO_PARTS, 2, PADS_PRICE));
    }

    @Test
    void linesFromSeveralVendorsShareOneCart() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, BRAKE_PADS, CAIRO_PARTS, 2, PADS_PRICE))
                .when(new AddToCartCommand(CART, CUSTOMER, TYRE, 4))
                .expectEvents(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE));
    }

    @Test
    void addingAListingAlreadyInTheCartAddsToItsLine() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, BRAKE_PADS, CAIRO_PARTS, 2, PADS_PRICE))
                .when(new AddToCartCommand(CART, CUSTOMER, BRAKE_PADS, 1))
                .expectEvents(new CartLineQuantityChangedEvent(CART, BRAKE_PADS, CAIRO_PARTS, 2, 3, PADS_PRICE));
    }

    @Test
    void secondCurrencyIsRefused() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, BRAKE_PADS, CAIRO_PARTS, 2, PADS_PRICE))
                .when(new AddToCartCommand(CART, CUSTOMER, SAUDI_CAR, 1))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("This cart is in EGP; the listing is priced in SAR")
                .expectNoEvents();
    }

    @Test
    void cannotAskForMoreThanAvailable() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, BRAKE_PADS, CAIRO_PARTS, 4, PADS_PRICE))
                .when(new AddToCartCommand(CART, CUSTOMER, BRAKE_PADS, 2))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("Only 5 of listing " + BRAKE_PADS + " are available")
                .expectNoEvents();
    }

    @Test
    void listingNotOnSaleStaysOut() {
        fixture.givenNoPriorActivity()
                .when(new AddToCartCommand(CART, CUSTOMER, DRAFT, 1))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void zeroItemsAreNotAdded() {
        fixture.givenNoPriorActivity()
                .when(new AddToCartCommand(CART, CUSTOMER, BRAKE_PADS, 0))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void quantityIsChangedWithinTheStock() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE))
                .when(new ChangeCartLineQuantityCommand(CART, TYRE, 2))
                .expectEvents(new CartLineQuantityChangedEvent(CART, TYRE, GIZA_TYRES, 4, 2, TYRE_PRICE));
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE))
                .when(new ChangeCartLineQuantityCommand(CART, TYRE, 9))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void quantityZeroRemovesTheLine() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE))
                .when(new ChangeCartLineQuantityCommand(CART, TYRE, 0))
                .expectEvents(new CartLineRemovedEvent(CART, TYRE, GIZA_TYRES));
    }

    @Test
    void sameQuantityChangesNothing() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE))
                .when(new ChangeCartLineQuantityCommand(CART, TYRE, 4))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changingALineThatIsNotThereIsNotFound() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE))
                .when(new ChangeCartLineQuantityCommand(CART, BRAKE_PADS, 1))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void customerWhoNeverAddedAnythingHasAnEmptyCart() {
        fixture.givenNoPriorActivity()
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, CARD))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("The cart is empty")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RemoveCartLineCommand(CART, TYRE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removingIsIdempotent() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE))
                .when(new RemoveCartLineCommand(CART, TYRE))
                .expectEvents(new CartLineRemovedEvent(CART, TYRE, GIZA_TYRES));
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 4, TYRE_PRICE),
                        new CartLineRemovedEvent(CART, TYRE, GIZA_TYRES))
                .when(new RemoveCartLineCommand(CART, TYRE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void emptiedCartTakesANewCurrency() {
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, BRAKE_PADS, CAIRO_PARTS, 1, PADS_PRICE),
                        new CartLineRemovedEvent(CART, BRAKE_PADS, CAIRO_PARTS))
                .when(new AddToCartCommand(CART, CUSTOMER, SAUDI_CAR, 1))
                .expectEvents(new CartLineAddedEvent(CART, CUSTOMER, SAUDI_CAR, JEDDAH_MOTORS, 1,
                        Money.of(80_000_00, "SAR")));
    }

    @Test
    void localMethodOfAnotherCurrencyIsRefusedBeforeAnythingIsWritten() {
        PaymentInstruction mada = new PaymentInstruction(PaymentProvider.MADA, "tok_mada_4464040000000007");
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 1, TYRE_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, mada))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("MADA pays in SAR only, not EGP")
                .expectNoEvents();
    }

    @Test
    void egyptianWalletPaysAnEgyptianOrder() {
        PaymentInstruction wallet = new PaymentInstruction(PaymentProvider.VODAFONE_CASH, "01001234567");
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 1, TYRE_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, wallet))
                .expectResultMessagePayload(CheckoutOutcome.placed(ORDER));
    }

    @Test
    void walletNumberOfAnotherNetworkIsRefused() {
        PaymentInstruction wallet = new PaymentInstruction(PaymentProvider.VODAFONE_CASH, "01201234567");
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 1, TYRE_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, wallet))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cashOnDeliveryIsCollectedInTheShippingCountrysCurrencyOnly() {
        PaymentInstruction cash = new PaymentInstruction(PaymentProvider.CASH_ON_DELIVERY, "cash");
        ShippingAddress riyadh = new ShippingAddress("Sara", "+966500000000", "King Fahd Rd", null, "Riyadh",
                "12211", CountryCode.of("SA"));
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 1, TYRE_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, riyadh, cash))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A courier in SA collects SAR only, not EGP")
                .expectNoEvents();
        fixture.given(new CartLineAddedEvent(CART, CUSTOMER, TYRE, GIZA_TYRES, 1, TYRE_PRICE))
                .when(new CheckOutCartCommand(CART, ORDER, CUSTOMER, HELIOPOLIS, cash))
                .expectResultMessagePayload(CheckoutOutcome.placed(ORDER));
    }
}
