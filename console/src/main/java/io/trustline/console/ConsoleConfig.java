package io.trustline.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the four services are and how the console keeps its sessions ({@code trustline.console.*}). */
@ConfigMapping(prefix = "trustline.console")
public interface ConsoleConfig {

    /** Base URL of the intake service's public API, e.g. {@code http://127.0.0.1:8081}. */
    @WithDefault("http://127.0.0.1:8081")
    String intakeUrl();

    @WithDefault("http://127.0.0.1:8082")
    String incidentUrl();

    @WithDefault("http://127.0.0.1:8083")
    String relationshipUrl();

    @WithDefault("http://127.0.0.1:8084")
    String notificationUrl();

    /** A session unused for this long ends; each request moves its end further. */
    @WithDefault("PT8H")
    Duration sessionIdleTimeout();

    /** Adds {@code Secure} to the session cookie: set it wherever the console is served over HTTPS. */
    @WithDefault("false")
    boolean secureCookies();

    /** How long one call to a service may take before the page says the service did not answer. */
    @WithDefault("PT10S")
    Duration serviceTimeout();
}
