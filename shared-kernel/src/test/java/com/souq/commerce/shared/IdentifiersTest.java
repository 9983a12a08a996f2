package com.souq.commerce.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @Test
    void aLowerCaseUuidIsValid() {
        String id = UUID.randomUUID().toString();
        assertThat(Identifiers.requireValid("order", id)).isEqualTo(id);
        assertThat(Identifiers.requireValid("order", "00000000-0000-0000-0000-000000000000")).isNotNull();
        assertThat(Identifiers.requireValid("order", "ffffffff-ffff-ffff-ffff-ffffffffffff")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "0c2d6f1e-8a4b-4c3d-9e5f-6a7b8c9d0e1", "0c2d6f1e-8a4b-4c3d-9e5f-6a7b8c9d0e1ff",
        "0C2D6F1E-8A4B-4C3D-9E5F-6A7B8C9D0E1F", "0c2d6f1e8a4b-4c3d-9e5f-6a7b8c9d0e1f0", "0c2d6f1e-8a4b-4c3d-9e5f_6a7b8c9d0e1f",
        "0c2d6f1e-8a4b-4c3d-9e5f-6a7b8c9d0e1g", "g0c2d6f1-8a4b-4c3d-9e5f-6a7b8c9d0e1f", "../../../../etc/passwd-xxxxxxxxxxxx",
        "0c2d6f1e-8a4b-4c3d-9e5f-6a7b8c9d0e1\u0661", "0c2d6f1e-8a4b-4c3d-9e5f-6a7b8c9d0e1 ", "-c2d6f1e-8a4b-4c3d-9e5f-6a7b8c9d0e1f"
    })
    void anythingElseIsRefused(String text) {
        assertThatThrownBy(() -> Identifiers.requireValid("order", text))
                .isInstanceOf(MalformedIdentifierException.class);
    }

    @Test
    void nothingIsRefused() {
        assertThatThrownBy(() -> Identifiers.requireValid("order", null))
                .isInstanceOf(MalformedIdentifierException.class);
    }
}
