package io.trustline.relationship.scoring.model;

import java.util.List;

/**
 * A model file that cannot be used, naming the file and every problem found in it, each as
 * {@code path: why} ({@code trust.clientChased: missing}), or a sentence when the file as a whole is wrong.
 */
public final class InvalidScoringModelException extends RuntimeException {

    private final List<String> problems;

    public InvalidScoringModelException(String origin, String problem) {
        this(origin, List.of(problem));
    }

    public InvalidScoringModelException(String origin, List<String> problems) {
        super("scoring model " + origin + " is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem on its own, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
