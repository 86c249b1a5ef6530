package io.trustline.intake.psa;

/** A webhook that is not what its PSA documents: answered 400 naming the problem, nothing recorded. */
public class MalformedWebhook extends RuntimeException {

    public MalformedWebhook(String detail) {
        super(detail);
    }

    public MalformedWebhook(String detail, Throwable cause) {
        super(detail, cause);
    }
}
