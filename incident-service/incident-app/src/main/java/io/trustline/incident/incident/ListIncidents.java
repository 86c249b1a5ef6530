package io.trustline.incident.incident;

/**
 * Query for one page of a tenant's incidents, in issue-id order.
 *
 * @param clientId only this client's, or null for all
 * @param state    only incidents in this state, or null for all
 * @param afterId  continue after this issue id (from the previous page's cursor), or null from the first
 * @param limit    at most this many
 */
public record ListIncidents(String tenantId, String clientId, IncidentState state, String afterId, int limit) {
}
