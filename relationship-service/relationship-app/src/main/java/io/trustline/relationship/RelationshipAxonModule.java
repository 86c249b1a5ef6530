package io.trustline.relationship;

import io.trustline.platform.axon.AxonModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** No aggregates yet: the service's own events (meetings, offers declined, …) come in later issues. */
@ApplicationScoped
public class RelationshipAxonModule implements AxonModule {

    @Override
    public List<Class<?>> aggregates() {
        return List.of();
    }
}
