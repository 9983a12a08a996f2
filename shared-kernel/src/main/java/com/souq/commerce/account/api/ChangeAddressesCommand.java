package com.souq.commerce.account.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The person replaces their saved addresses (at most ten). */
public record ChangeAddressesCommand(@TargetAggregateIdentifier AccountId accountId, List<PostalAddress> addresses) {
}
