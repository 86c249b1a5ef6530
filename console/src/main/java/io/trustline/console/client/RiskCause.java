package io.trustline.console.client;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** A churn-risk cause and the events behind it, each linking to its row in the points table. */
@TemplateData
public record RiskCause(String sentence, List<EventLink> events) {

    @TemplateData
    public record EventLink(String anchor, String label) {
    }
}
