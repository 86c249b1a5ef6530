package io.trustline.incident.incident;

/** Query for one incident of one tenant. */
public record GetIncidentById(String tenantId, String issueId) {
}
