package io.trustline.intake.psa;

import java.util.Map;
import java.util.TreeMap;

/** A webhook as it arrived: its headers (names in any case) and its body exactly as sent, which signatures cover. */
public record WebhookRequest(Map<String, String> headers, byte[] body) {

    public WebhookRequest {
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
    }

    /** The header's value, null when absent. */
    public String header(String name) {
        return headers.get(name);
    }
}
