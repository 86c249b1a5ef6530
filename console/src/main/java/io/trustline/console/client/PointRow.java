package io.trustline.console.client;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** One point in the client page's table: what happened, when, the scores after it and why they moved; {@code issueId} null unless an incident's. */
@TemplateData
public record PointRow(String id, String anchor, String when, String type, String trust, String trustDelta, String loyalty,
                       String loyaltyDelta, boolean loyaltyUp, boolean loyaltyDown, String sentence, List<String> changes,
                       String issueId) {
}
