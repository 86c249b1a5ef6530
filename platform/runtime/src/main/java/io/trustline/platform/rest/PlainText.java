package io.trustline.platform.rest;

/**
 * Patterns for free text in request bodies, used with {@code @Pattern} so that the rule shows in the service's
 * OpenAPI schema as well as being enforced (a composed constraint annotation would be invisible to the schema).
 *
 * <p>Refused everywhere: NUL and every other C0 control character (U+0000–U+001F) and DEL (U+007F). They have no
 * meaning in a name or a sentence, break logs, terminals and downstream systems, and are the usual tool of
 * injection probes. Text a person types across lines ({@link #MULTI_LINE}) may contain TAB, LF and CR.
 * The patterns are anchored because JSON Schema's {@code pattern} matches anywhere in the string.
 */
public final class PlainText {

    /** Names, identifiers, one-line text: no control characters at all. */
    public static final String ONE_LINE = "^[^\\x00-\\x1F\\x7F]*$";

    /** Descriptions and reasons: TAB, LF and CR allowed, every other control character refused. */
    public static final String MULTI_LINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

    // one character String.isBlank() (and so @NotBlank) does not count as white space
    private static final String NOT_WHITESPACE =
            "[^\\x00-\\x20\\x7F\\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]";

    /**
     * {@link #ONE_LINE} with at least one character that is not white space: what {@code @NotBlank} together with
     * {@code @Pattern(regexp = ONE_LINE)} accepts, said in one pattern for the schema
     * ({@code @Schema(pattern = ONE_LINE_NOT_BLANK)}), since a schema cannot read {@code @NotBlank}.
     */
    public static final String ONE_LINE_NOT_BLANK = "^[^\\x00-\\x1F\\x7F]*" + NOT_WHITESPACE + "[^\\x00-\\x1F\\x7F]*$";

    /** {@link #MULTI_LINE} with at least one character that is not white space. */
    public static final String MULTI_LINE_NOT_BLANK =
            "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*" + NOT_WHITESPACE
            + "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

    public static final String MESSAGE = "must not contain control characters";

    public static final String ONE_LINE_MESSAGE = "must be one line without control characters";

    private PlainText() {
    }
}
