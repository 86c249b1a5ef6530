package io.trustline.platform.problem;

/** A command that is well-formed but not allowed in the current state; answered with 409. */
public class RuleViolationException extends RuntimeException {

    public RuleViolationException(String message) {
        super(message);
    }
}
