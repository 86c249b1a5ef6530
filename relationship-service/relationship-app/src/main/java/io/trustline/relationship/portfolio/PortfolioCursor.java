package io.trustline.relationship.portfolio;

import io.trustline.platform.problem.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of the portfolio ended: the sort, and the last entry's sort key and client id. Opaque to callers. The
 * next page starts after that pair, so an entry whose key moves while a caller pages (a new event, a re-assessment)
 * is seen once or not at all on that pass, and no other entry repeats or is skipped.
 */
record PortfolioCursor(PortfolioSort sort, double key, String clientId) {

    private static final String VERSION = "v1";

    String encode() {
        String text = VERSION + ":" + sort + ":" + key + ":" + clientId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null for the first page; a 400 naming {@code cursor} when it is not one of ours for this sort. */
    static PortfolioCursor decode(String cursor, PortfolioSort sort) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 4);
            if (parts.length == 4 && parts[0].equals(VERSION) && parts[1].equals(sort.name()) && !parts[3].isEmpty()) {
                return new PortfolioCursor(sort, Double.parseDouble(parts[2]), parts[3]);
            }
        } catch (IllegalArgumentException notOurs) {
            // NumberFormatException included: answered below like any other foreign cursor
        }
        throw new InvalidFieldException("cursor", "is not a cursor this service gave out for sort="
                + sort.name().toLowerCase() + "; use nextCursor as it came, with the same sort.");
    }
}
