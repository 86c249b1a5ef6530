package io.trustline.incident.incident;

import java.util.List;

/**
 * One page of a tenant's incidents; {@code nextCursor} continues after the last one, and is null on the last
 * page.
 */
public record IncidentPage(List<IncidentDetails> items, String nextCursor) {
}
