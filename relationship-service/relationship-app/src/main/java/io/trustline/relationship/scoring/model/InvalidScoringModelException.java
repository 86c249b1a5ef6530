package io.trustline.relationship.scoring.model;

/** A model file that cannot be used, naming the file and what is wrong in it. */
public final class InvalidScoringModelException extends RuntimeException {

    public InvalidScoringModelException(String origin, String problem) {
        super("scoring model " + origin + " is invalid: " + problem);
    }
}
