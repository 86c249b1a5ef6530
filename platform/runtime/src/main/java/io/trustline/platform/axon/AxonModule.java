package io.trustline.platform.axon;

import java.util.List;
import org.axonframework.config.Configurer;

/**
 * What a service contributes to its Axon configuration. A service declares one CDI bean implementing
 * this; the platform registers the aggregates with an event-sourcing repository (no cache: see
 * {@link AxonRuntime#aggregateConfiguration}), and
 * offers {@link #customize(Configurer)} for anything else (upcasters, for example).
 */
public interface AxonModule {

    /** Event-sourced aggregate classes of this service. */
    List<Class<?>> aggregates();

    /**
     * Whether the aggregates schedule deadlines: then they are stored in MongoDB through JobRunr and fired by a
     * background server in this service, see {@link PersistentDeadlines}.
     */
    default boolean schedulesDeadlines() {
        return false;
    }

    default void customize(Configurer configurer) {
    }
}
