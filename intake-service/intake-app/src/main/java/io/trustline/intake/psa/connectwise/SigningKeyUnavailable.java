package io.trustline.intake.psa.connectwise;

/**
 * The ConnectWise callback signing key could not be fetched from its {@code key_url} (network failure, timeout,
 * ConnectWise answering 5xx or 429): the callback is neither proven nor disproven. The receiver answers 503 with
 * {@code Retry-After}, never 401, and records nothing, so ConnectWise sends it again later.
 */
public class SigningKeyUnavailable extends RuntimeException {

    public SigningKeyUnavailable(String detail) {
        super(detail);
    }

    public SigningKeyUnavailable(String detail, Throwable cause) {
        super(detail, cause);
    }
}
