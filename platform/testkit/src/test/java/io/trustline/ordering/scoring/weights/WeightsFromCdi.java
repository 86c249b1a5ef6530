package io.trustline.ordering.scoring.weights;

import jakarta.enterprise.context.ApplicationScoped;

/** Fixture: a part of the scoring engine, in a sub-package, that became a CDI bean. */
@ApplicationScoped
public class WeightsFromCdi {
}
