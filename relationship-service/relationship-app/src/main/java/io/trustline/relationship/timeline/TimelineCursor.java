package io.trustline.relationship.timeline;

import io.trustline.platform.problem.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code cursor} of a page of a timeline: opaque to callers (so its form can change), in fact the position of
 * the last point of the previous page, which a late event does not move.
 */
final class TimelineCursor {

    private static final String VERSION = "v1:";

    private TimelineCursor() {
    }

    static String encode(String lastPosition) {
        if (lastPosition == null) {
            return null;
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + lastPosition).getBytes(StandardCharsets.UTF_8));
    }

    /** The position to continue after, or null for the first page. */
    static String decode(String cursor) {
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
