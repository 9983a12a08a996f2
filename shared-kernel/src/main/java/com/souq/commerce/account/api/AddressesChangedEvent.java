package com.souq.commerce.account.api;

import com.souq.commerce.shared.privacy.DataSubject;
import com.souq.commerce.shared.privacy.PersonalData;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The account's saved addresses, all of them (personal data); the person is {@code accountId}. */
@Revision("1")
public record AddressesChangedEvent(@DataSubject AccountId accountId,
                                    @PersonalData List<PostalAddress> addresses) {
}
