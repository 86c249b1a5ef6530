package io.trustline.console.services;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Path segments built from what a person typed or a link carried. */
public final class ServicePaths {

    private ServicePaths() {
    }

    /** One path segment, percent-encoded: a client id cannot step into another path. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
