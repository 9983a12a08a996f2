package com.souq.commerce.vendor.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.vendor.api.CommissionPlan;
import com.souq.commerce.vendor.api.VendorAppliedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class VendorAppliedEventRevision1UpcasterTest {

    private static final String REVISION_1_PAYLOAD = """
            {"vendorId":"0b6f4a52-3c55-4f0e-9d7e-5b0f3f1b8a01","applicantSubject":"user-jeddah",
             "displayName":"Jeddah Motors","legalName":"Jeddah Motors Co.","country":"SA","currency":"SAR",
             "contactEmail":"info@jeddahmotors.example","commissionRateBasisPoints":800}""";

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void readsRevisionOneFlatRateAsCommissionPlan() {
        IntermediateEventRepresentation stored = storedEvent(REVISION_1_PAYLOAD, "1");

        List<IntermediateEventRepresentation> upcast =
                new VendorAppliedEventRevision1Upcaster().upcast(Stream.of(stored)).toList();

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("2");
            VendorAppliedEvent read = serializer.deserialize(event.getData());
            assertThat(read.displayName()).isEqualTo("Jeddah Motors");
            assertThat(read.currency().getCurrencyCode()).isEqualTo("SAR");
            assertThat(read.commissionPlan()).isEqualTo(CommissionPlan.flat(new Rate(800)));
        });
    }

    @Test
    void leavesCurrentRevisionAlone() {
        String current = serializer.serialize(new VendorAppliedEvent(null, "s", "d", "l", null, null, "e",
                CommissionPlan.flat(new Rate(1_000))), String.class).getData();
        IntermediateEventRepresentation stored = storedEvent(current, "2");

        List<IntermediateEventRepresentation> upcast =
                new VendorAppliedEventRevision1Upcaster().upcast(Stream.of(stored)).toList();

        assertThat(upcast).containsExactly(stored);
    }

    private IntermediateEventRepresentation storedEvent(String payload, String revision) {
        SimpleSerializedObject<byte[]> data = new SimpleSerializedObject<>(payload.getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(VendorAppliedEvent.class.getName(), revision));
        SimpleSerializedObject<byte[]> metadata = new SimpleSerializedObject<>("{}".getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType("org.axonframework.messaging.MetaData", null));
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Vendor",
                "0b6f4a52-3c55-4f0e-9d7e-5b0f3f1b8a01", 0, "event-1", Instant.parse("2025-03-01T10:00:00Z"),
                data.getType().getName(), revision, data.getData(), metadata.getData()), serializer);
    }
}
