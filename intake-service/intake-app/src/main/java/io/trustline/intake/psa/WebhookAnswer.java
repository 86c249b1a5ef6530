package io.trustline.intake.psa;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a PSA webhook. */
@Schema(description = "What the webhook did; issueId when it concerns an issue.",
        example = "{\"outcome\": \"REPORTED\", \"issueId\": \"5b0c1f0e-3f1e-3b5e-9c51-0d3f7e1f6a42\"}")
public record WebhookAnswer(WebhookOutcome outcome, String issueId) {

    static WebhookAnswer of(WebhookOutcome outcome) {
        return new WebhookAnswer(outcome, null);
    }
}
