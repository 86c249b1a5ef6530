package io.trustline.intake.issue;

/** A revision the issue refuses because of one of its fields; the resource answers 400 naming the field. */
public final class InvalidRevision extends RuntimeException {

    private final String field;

    InvalidRevision(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field of the request at fault, as the request names it (e.g. {@code when.resolveBy}). */
    public String field() {
        return field;
    }
}
