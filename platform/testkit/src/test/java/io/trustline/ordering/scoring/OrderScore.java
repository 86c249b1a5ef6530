package io.trustline.ordering.scoring;

import io.trustline.ordering.scoring.weights.Weight;
import java.util.List;

/** Fixture: a scoring engine in plain Java. */
public final class OrderScore {

    public static long of(List<Long> amounts, Weight weight) {
        return amounts.stream().mapToLong(amount -> amount * weight.factor()).sum();
    }
}
