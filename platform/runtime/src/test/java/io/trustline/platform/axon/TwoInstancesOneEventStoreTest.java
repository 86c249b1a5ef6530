package io.trustline.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.trustline.platform.eventstore.SequencedEventStorageEngine;
import io.trustline.platform.json.TrustlineJson;
import io.trustline.platform.testing.OnMongoStandIn;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a service, each its own Axon configuration with the aggregates as {@link AxonRuntime} registers
 * them, on one event store in the Mongo stand-in: a command on either is judged on every event either stored.
 */
class TwoInstancesOneEventStoreTest extends OnMongoStandIn {

    private Configuration first;
    private Configuration second;

    @BeforeEach
    void startTwoInstances() {
        String database = "two-instances-" + UUID.randomUUID();
        first = instance(database);
        second = instance(database);
    }

    @AfterEach
    void stopInstances() {
        for (Configuration instance : List.of(first, second)) {
            if (instance != null) {
                instance.shutdown();
            }
        }
    }

    @Test
    void aCommandOnOneInstance_isRefusedForWhatTheOtherStored_afterItHadLoadedTheAggregateItself() {
        String ticket = UUID.randomUUID().toString();
        first.commandGateway().sendAndWait(new OpenTicket(ticket));
        // the second instance loads the open ticket, the first one closes it
        second.commandGateway().sendAndWait(new NoteTicket(ticket, "looking into it"));
        first.commandGateway().sendAndWait(new CloseTicket(ticket));

        assertThatThrownBy(() -> second.commandGateway().sendAndWait(new NoteTicket(ticket, "still looking")))
                .as("a note on the ticket the other instance closed").hasMessageContaining("closed");
        assertThat(second.commandGateway().<String>sendAndWait(new ReopenTicket(ticket)))
                .as("reopened on the instance that last saw it open").isEqualTo("reopened after 3 events");
    }

    private static Configuration instance(String database) {
        SequencedEventStorageEngine store = AxonRuntime.eventStorageEngine(client.getDatabase(database),
                JacksonSerializer.builder().objectMapper(TrustlineJson.newObjectMapper()).build(),
                100, SequencedEventStorageEngine.DEFAULT_GAP_TIMEOUT);
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> store)
                .configureAggregate(AxonRuntime.aggregateConfiguration(Ticket.class))
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    record OpenTicket(String ticketId) {
    }

    record NoteTicket(@TargetAggregateIdentifier String ticketId, String note) {
    }

    record CloseTicket(@TargetAggregateIdentifier String ticketId) {
    }

    record ReopenTicket(@TargetAggregateIdentifier String ticketId) {
    }

    record TicketOpened(String ticketId) {
    }

    record TicketNoted(String ticketId, String note) {
    }

    record TicketClosed(String ticketId) {
    }

    record TicketReopened(String ticketId) {
    }

    /** Notes only while open; reopens only when closed, answering how many events came before. */
    static class Ticket {

        @AggregateIdentifier
        private String ticketId;
        private boolean closed;
        private int events;

        Ticket() {
        }

        @CommandHandler
        Ticket(OpenTicket command) {
            apply(new TicketOpened(command.ticketId()));
        }

        @CommandHandler
        void handle(NoteTicket command) {
            if (closed) {
                throw new IllegalStateException("the ticket is closed");
            }
            apply(new TicketNoted(ticketId, command.note()));
        }

        @CommandHandler
        void handle(CloseTicket command) {
            apply(new TicketClosed(ticketId));
        }

        @CommandHandler
        String handle(ReopenTicket command) {
            if (!closed) {
                throw new IllegalStateException("the ticket is open");
            }
            int before = events;
            apply(new TicketReopened(ticketId));
            return "reopened after " + before + " events";
        }

        @EventSourcingHandler
        void on(TicketOpened event) {
            ticketId = event.ticketId();
            events++;
        }

        @EventSourcingHandler
        void on(TicketNoted event) {
            events++;
        }

        @EventSourcingHandler
        void on(TicketClosed event) {
            closed = true;
            events++;
        }

        @EventSourcingHandler
        void on(TicketReopened event) {
            closed = false;
            events++;
        }
    }
}
