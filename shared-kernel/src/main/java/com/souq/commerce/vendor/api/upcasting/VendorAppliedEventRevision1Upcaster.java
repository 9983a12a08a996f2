package com.souq.commerce.vendor.api.upcasting;

import com.souq.commerce.vendor.api.VendorAppliedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@link VendorAppliedEvent} revision 1, whose commission was one flat {@code commissionRateBasisPoints},
 * as revision 2, whose {@code commissionPlan} has a default rate and per-category rates (none, for old events).
 */
public class VendorAppliedEventRevision1Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(VendorAppliedEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(VendorAppliedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            JsonNode flatRate = event.remove("commissionRateBasisPoints");
            ObjectNode plan = event.putObject("commissionPlan");
            plan.put("defaultRate", flatRate == null ? 0 : flatRate.asInt());
            plan.putObject("categoryRates");
            return event;
        });
    }
}
