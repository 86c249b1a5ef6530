package io.trustline.intake.integration;

import java.util.List;

/** A page of the tenant's integrations in id order; {@code nextCursor} continues it (null on the last page). */
public record IntegrationPage(List<IntegrationDetails> items, String nextCursor) {
}
