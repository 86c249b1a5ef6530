package io.trustline.console;

import java.time.Duration;

/** The configuration's defaults with Secure cookies on or off, for unit tests of what reads it. */
public record ConsoleConfigForTests(boolean secureCookies) implements ConsoleConfig {

    @Override public String intakeUrl() { return "http://127.0.0.1:8081"; }
    @Override public String incidentUrl() { return "http://127.0.0.1:8082"; }
    @Override public String relationshipUrl() { return "http://127.0.0.1:8083"; }
    @Override public String notificationUrl() { return "http://127.0.0.1:8084"; }
    @Override public Duration sessionIdleTimeout() { return Duration.ofHours(8); }
    @Override public Duration serviceTimeout() { return Duration.ofSeconds(10); }
}
