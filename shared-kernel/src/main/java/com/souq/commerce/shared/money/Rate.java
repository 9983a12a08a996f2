package com.souq.commerce.shared.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A proportion in basis points (1 bp = 0.01 %), from 0 to 100 %: commission and tax rates.
 * Serialized as the bare number of basis points.
 */
public record Rate(int basisPoints) {

    public static final int BASIS_POINTS_IN_WHOLE = 10_000;

    public Rate {
        if (basisPoints < 0 || basisPoints > BASIS_POINTS_IN_WHOLE) {
            throw new IllegalArgumentException("A rate lies between 0 and 10000 basis points, not " + basisPoints);
        }
    }

    @JsonCreator
    public static Rate ofBasisPoints(int basisPoints) {
        return new Rate(basisPoints);
    }

    @JsonValue
    @Override
    public int basisPoints() {
        return basisPoints;
    }
}
