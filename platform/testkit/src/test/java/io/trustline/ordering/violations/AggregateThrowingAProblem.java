package io.trustline.ordering.violations;

import io.trustline.platform.problem.UnknownResourceException;
import org.axonframework.modelling.command.AggregateIdentifier;

/** Fixture: an aggregate answering in the platform's HTTP problem language, as Incident once did. */
public class AggregateThrowingAProblem {

    @AggregateIdentifier
    private String orderId;

    void refuse() {
        throw new UnknownResourceException("order", orderId);
    }
}
