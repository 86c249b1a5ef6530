package io.trustline.ordering.scoring.weights;

/** Fixture: part of the scoring engine in a sub-package. */
public record Weight(int factor) {
}
