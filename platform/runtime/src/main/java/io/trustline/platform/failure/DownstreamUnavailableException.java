package io.trustline.platform.failure;

/**
 * A service we call could not answer now (down, overloaded, answering 503). Thrown by our own code so
 * that consumers retry until it is back and APIs answer 503 instead of blaming the input.
 */
public class DownstreamUnavailableException extends RuntimeException {

    public DownstreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DownstreamUnavailableException(String message) {
        super(message);
    }
}
