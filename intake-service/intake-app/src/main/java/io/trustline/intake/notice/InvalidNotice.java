package io.trustline.intake.notice;

/** A notice or fulfilment the aggregate refuses because of one of its fields; the resource answers 400 naming it. */
public final class InvalidNotice extends RuntimeException {

    private final String field;

    InvalidNotice(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field of the request at fault, as the request names it (e.g. {@code neededBy}). */
    public String field() {
        return field;
    }
}
