package io.trustline.platform.problem;

/**
 * The id names nothing the caller's tenant can see. Thrown both for ids that do not exist and for ids
 * of another tenant, so a response never reveals that another tenant's resource exists.
 */
public class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String resource, String id) {
        super("No " + resource + " with id '" + id + "'.");
    }
}
