package com.souq.commerce.account.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The account's saved addresses, all of them (personal data); the person is {@code accountId}. */
@Revision("1")
public record AddressesChangedEvent(AccountId accountId, List<PostalAddress> addresses) {
}
