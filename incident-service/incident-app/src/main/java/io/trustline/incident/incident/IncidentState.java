package io.trustline.incident.incident;

/**
 * Where an incident stands: {@code OPEN} → {@code RESOLVED} (the provider fixed it) → {@code CONFIRMED} (the
 * client gave their verdict); a resolved or confirmed incident can be reopened, which makes it {@code OPEN}.
 */
public enum IncidentState {
    OPEN, RESOLVED, CONFIRMED
}
