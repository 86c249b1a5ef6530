package io.trustline.intake.psa;

/** A webhook whose signature or credentials do not prove it came from the integration's PSA: answered 401. */
public class WebhookNotAuthenticated extends RuntimeException {

    public WebhookNotAuthenticated(String detail) {
        super(detail);
    }
}
