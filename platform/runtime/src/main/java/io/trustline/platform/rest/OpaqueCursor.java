package io.trustline.platform.rest;

import io.trustline.platform.problem.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code cursor} of a page: opaque to callers, so its form can change without breaking them; in fact where the
 * previous page ended (a document id, a timeline position), versioned and base64url-encoded.
 */
public final class OpaqueCursor {

    private static final String VERSION = "v1:";

    private OpaqueCursor() {
    }

    /** The cursor continuing after {@code lastPosition}; null (no further page) when it is null. */
    public static String encode(String lastPosition) {
        if (lastPosition == null) {
            return null;
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + lastPosition).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position to continue after, or null for the first page.
     *
     * @throws InvalidFieldException naming {@code cursor} when it is not one this service gave out
     */
    public static String decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            decoded = "";
        }
        if (!decoded.startsWith(VERSION) || decoded.length() == VERSION.length()) {
            throw new InvalidFieldException("cursor", "is not a cursor this service gave out; use nextCursor as it came.");
        }
        return decoded.substring(VERSION.length());
    }
}
