package io.trustline.platform.problem;

/**
 * A request field whose value is well-formed but makes no sense (a deadline before the report, say): answered
 * 400 naming the field, like any other invalid field.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    /** @param field the field's JSON path in the request body, e.g. {@code expectation.when.resolveBy} */
    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
