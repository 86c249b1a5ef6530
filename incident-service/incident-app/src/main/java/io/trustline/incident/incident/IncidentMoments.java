package io.trustline.incident.incident;

/** What the schema says of the fields every moment on an incident shares. */
final class IncidentMoments {

    static final String OCCURRED_AT = "when it happened, only for a moment recorded after the fact: never in the future, "
            + "never before the incident was opened. Default: now";

    private IncidentMoments() {
    }
}
