package com.souq.commerce.benchmark;

import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.Condition;
import com.souq.commerce.listing.api.ListingAttributes;
import com.souq.commerce.listing.api.ListingCreatedEvent;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ListingPublishedEvent;
import com.souq.commerce.listing.api.LocalizedText;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Currencies;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.vendor.api.CommissionPlan;
import com.souq.commerce.vendor.api.KycDocumentSubmittedEvent;
import com.souq.commerce.vendor.api.KycDocumentType;
import com.souq.commerce.vendor.api.VendorAppliedEvent;
import com.souq.commerce.vendor.api.VendorApprovedEvent;
import com.souq.commerce.vendor.api.VendorId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A reproducible marketplace of approved vendors in Egypt, Saudi Arabia and Sri Lanka selling used cars and parts,
 * written straight into the event store as the events the aggregates would have recorded (created, published), so
 * the benchmark measures the projections and the search, not the command side.
 */
final class CatalogGenerator {

    record Market(String country, String currency, List<String> cities, List<String> citiesAr) {
    }

    record Car(String make, String model, String makeAr, String modelAr) {
    }

    static final List<Market> MARKETS = List.of(
            new Market("EG", "EGP", List.of("Cairo", "Alexandria", "Giza", "Mansoura"),
                    List.of("القاهرة", "الإسكندرية", "الجيزة", "المنصورة")),
            new Market("SA", "SAR", List.of("Riyadh", "Jeddah", "Dammam", "Mecca"),
                    List.of("الرياض", "جدة", "الدمام", "مكة")),
            new Market("LK", "LKR", List.of("Colombo", "Kandy", "Galle"), List.of("كولومبو", "كاندي", "غال")));
    static final List<Car> CARS = List.of(
            new Car("Toyota", "Camry", "تويوتا", "كامري"), new Car("Toyota", "Corolla", "تويوتا", "كورولا"),
            new Car("Hyundai", "Elantra", "هيونداي", "النترا"), new Car("Hyundai", "Tucson", "هيونداي", "توسان"),
            new Car("Nissan", "Sunny", "نيسان", "صني"), new Car("Kia", "Cerato", "كيا", "سيراتو"),
            new Car("Chevrolet", "Optra", "شيفروليه", "أوبترا"), new Car("Mitsubishi", "Lancer", "ميتسوبيشي", "لانسر"),
            new Car("Honda", "Civic", "هوندا", "سيفيك"), new Car("Suzuki", "Swift", "سوزوكي", "سويفت"));
    static final List<String[]> PARTS = List.of(
            new String[] {"Brake pads", "تيل فرامل"}, new String[] {"Oil filter", "فلتر زيت"},
            new String[] {"Air filter", "فلتر هواء"}, new String[] {"Headlight", "فانوس أمامي"},
            new String[] {"Shock absorber", "مساعدين"}, new String[] {"Radiator", "رادياتير"});

    private final SplittableRandom random = new SplittableRandom(20261123L);
    private final EventStore eventStore;
    private final List<VendorId> vendors = new ArrayList<>();
    private final List<Market> vendorMarkets = new ArrayList<>();

    CatalogGenerator(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    void vendors(int count) {
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            VendorId vendor = VendorId.random();
            Market market = MARKETS.get(i % MARKETS.size());
            vendors.add(vendor);
            vendorMarkets.add(market);
            String name = "Bench Motors " + i;
            batch.add(new GenericDomainEventMessage<>("Vendor", vendor.value(), 0, new VendorAppliedEvent(vendor,
                    "bench-" + i, name, name + " LLC", CountryCode.of(market.country()),
                    Currencies.of(market.currency()), "sales" + i + "@bench.example", CommissionPlan.flat(new Rate(1000)))));
            batch.add(new GenericDomainEventMessage<>("Vendor", vendor.value(), 1, new KycDocumentSubmittedEvent(vendor,
                    KycDocumentType.COMMERCIAL_REGISTRATION, "cr-" + i)));
            batch.add(new GenericDomainEventMessage<>("Vendor", vendor.value(), 2, new VendorApprovedEvent(vendor)));
        }
        eventStore.publish(batch);
    }

    /** The vendors generated so far that sell in {@code country} (Egypt: EG). */
    List<VendorId> vendorsIn(String country) {
        List<VendorId> selling = new ArrayList<>();
        for (int v = 0; v < vendors.size(); v++) {
            if (vendorMarkets.get(v).country().equals(country)) {
                selling.add(vendors.get(v));
            }
        }
        return selling;
    }

    /** Appends {@code count} published listings in batches; answers the number of events written. */
    long listings(int count, int batchSize) {
        long events = 0;
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>(batchSize * 2);
        for (int i = 0; i < count; i++) {
            int v = random.nextInt(vendors.size());
            ListingId listing = ListingId.random();
            ListingCreatedEvent created = listing(listing, vendors.get(v), vendorMarkets.get(v));
            batch.add(new GenericDomainEventMessage<>("Listing", listing.value(), 0, created));
            batch.add(new GenericDomainEventMessage<>("Listing", listing.value(), 1,
                    new ListingPublishedEvent(listing, vendors.get(v))));
            if (batch.size() >= batchSize * 2) {
                eventStore.publish(batch);
                events += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            eventStore.publish(batch);
            events += batch.size();
        }
        return events;
    }

    /** A listing for sale and its vendor. */
    record ForSale(ListingId listingId, VendorId vendorId) {
    }

    /**
     * Published Egyptian spare parts with deep stock, {@code perVendor} for each vendor generated so far (call
     * {@link #vendors(int)} first): what checkout benchmarks buy from.
     */
    List<ForSale> deepStock(int perVendor, int stock) {
        List<ForSale> forSale = new ArrayList<>();
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        for (int v = 0; v < vendors.size(); v++) {
            if (!vendorMarkets.get(v).country().equals("EG")) {
                continue;
            }
            for (int i = 0; i < perVendor; i++) {
                ListingId listing = ListingId.random();
                String[] part = PARTS.get(random.nextInt(PARTS.size()));
                ListingCreatedEvent created = new ListingCreatedEvent(listing, vendors.get(v), Category.SPARE_PARTS,
                        LocalizedText.of(Map.of("en", part[0], "ar", part[1])), LocalizedText.empty(),
                        new ListingAttributes(null, null, null, null, Condition.NEW, List.of(), "Cairo", Map.of()),
                        Money.of((100 + random.nextInt(5_000)) * 100L, "EGP"), stock);
                batch.add(new GenericDomainEventMessage<>("Listing", listing.value(), 0, created));
                batch.add(new GenericDomainEventMessage<>("Listing", listing.value(), 1,
                        new ListingPublishedEvent(listing, vendors.get(v))));
                forSale.add(new ForSale(listing, vendors.get(v)));
            }
        }
        eventStore.publish(batch);
        return forSale;
    }

    private ListingCreatedEvent listing(ListingId id, VendorId vendor, Market market) {
        Car car = CARS.get(random.nextInt(CARS.size()));
        int year = 2005 + random.nextInt(20);
        int city = random.nextInt(market.cities().size());
        boolean isCar = random.nextInt(10) < 6;
        if (isCar) {
            LocalizedText title = LocalizedText.of(Map.of(
                    "en", car.make() + " " + car.model() + " " + year,
                    "ar", car.makeAr() + " " + car.modelAr() + " " + arabicDigits(year)));
            LocalizedText description = LocalizedText.of(Map.of(
                    "en", "Well kept " + car.model() + ", " + (random.nextBoolean() ? "automatic" : "manual")
                            + ", located in " + market.cities().get(city),
                    "ar", car.modelAr() + " بحالة ممتازة في " + market.citiesAr().get(city)));
            ListingAttributes attributes = new ListingAttributes(car.make(), car.model(), year,
                    random.nextInt(250_000), Condition.USED, List.of(), market.cities().get(city), Map.of());
            return new ListingCreatedEvent(id, vendor, Category.CARS, title, description, attributes,
                    Money.of((150_000 + random.nextInt(2_000_000)) * 100L, market.currency()), 1);
        }
        String[] part = PARTS.get(random.nextInt(PARTS.size()));
        String oem = "%05d-%05d".formatted(random.nextInt(100_000), random.nextInt(100_000));
        LocalizedText title = LocalizedText.of(Map.of(
                "en", part[0] + " for " + car.make() + " " + car.model(),
                "ar", part[1] + " " + car.makeAr() + " " + car.modelAr()));
        ListingAttributes attributes = new ListingAttributes(car.make(), car.model(), year, null,
                random.nextBoolean() ? Condition.NEW : Condition.USED, List.of(oem), market.cities().get(city),
                Map.of());
        return new ListingCreatedEvent(id, vendor, Category.SPARE_PARTS, title, LocalizedText.empty(), attributes,
                Money.of((200 + random.nextInt(20_000)) * 100L, market.currency()), 1 + random.nextInt(50));
    }

    private static String arabicDigits(int number) {
        StringBuilder digits = new StringBuilder();
        for (char c : Integer.toString(number).toCharArray()) {
            digits.append((char) ('٠' + (c - '0')));
        }
        return digits.toString();
    }
}
