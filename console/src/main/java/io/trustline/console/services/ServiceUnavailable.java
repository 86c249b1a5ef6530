package io.trustline.console.services;

/** A service did not answer, or answered with an error the page cannot do anything about. */
public class ServiceUnavailable extends RuntimeException {

    private final Service service;

    public ServiceUnavailable(Service service, String what) {
        super("the " + service.name().toLowerCase() + " service " + what);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
