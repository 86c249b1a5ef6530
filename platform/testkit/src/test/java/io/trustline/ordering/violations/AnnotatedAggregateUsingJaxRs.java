package io.trustline.ordering.violations;

import jakarta.ws.rs.NotFoundException;
import org.axonframework.modelling.command.AggregateRoot;

/** Fixture: an aggregate recognised by its annotation rather than its identifier field, throwing an HTTP exception. */
@AggregateRoot
public class AnnotatedAggregateUsingJaxRs {

    void refuse() {
        throw new NotFoundException();
    }
}
