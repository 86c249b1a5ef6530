package io.trustline.console.services;

/** A service answered 401 to the session's key: it was revoked or rotated, so the session ends. */
public class KeyRejected extends RuntimeException {

    public KeyRejected(Service service) {
        super(service.name().toLowerCase() + " no longer accepts the session's API key");
    }
}
