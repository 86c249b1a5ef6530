package io.trustline.intake.psa;

import io.quarkus.runtime.Startup;
import io.trustline.intake.integration.CompanyMappings;
import io.trustline.intake.integration.CompanyMappingsReplaced;
import io.trustline.intake.integration.IntegrationKind;
import io.trustline.intake.integration.IntegrationSecrets;
import io.trustline.intake.integration.ReceivingIntegration;
import io.trustline.intake.issue.IssueCommand.PsaTicketFacts;
import io.trustline.intake.issue.IssueCommand.RecordPsaTicketChange;
import io.trustline.intake.issue.PsaTicketNotTracked;
import io.trustline.intake.issue.PsaTicketOutcome;
import io.trustline.intake.issue.PsaTickets;
import io.trustline.platform.problem.UnknownResourceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * A PSA webhook's way in: authenticated by its integration's PSA format, read into a {@link PsaTicketChange}, its
 * company resolved to a client through the integration's mappings, and recorded on the issue the ticket is
 * ({@link PsaTickets#issueIdFor}), which decides whether it reports, updates, changes nothing or comes too late.
 * A change of a company nobody has mapped is parked and recorded, in arrival order, when the company is mapped.
 */
@Startup
@ApplicationScoped
public class PsaTicketIntake {

    private final Clock clock = Clock.systemUTC();
    private final Map<IntegrationKind, PsaWebhookFormat> formats;

    @Inject
    IntegrationSecrets integrations;
    @Inject
    CompanyMappings mappings;
    @Inject
    ParkedTickets parked;
    @Inject
    CommandGateway commands;

    @Inject
    PsaTicketIntake(Instance<PsaWebhookFormat> available) {
        this.formats = byKind(available);
    }

    /**
     * One format per kind, or the service does not start: an integration of a kind without one could be created but
     * never receive a webhook.
     */
    static Map<IntegrationKind, PsaWebhookFormat> byKind(Iterable<PsaWebhookFormat> available) {
        Map<IntegrationKind, PsaWebhookFormat> formats = new EnumMap<>(IntegrationKind.class);
        for (PsaWebhookFormat format : available) {
            PsaWebhookFormat other = formats.put(format.kind(), format);
            if (other != null) {
                throw new IllegalStateException("two webhook formats for " + format.kind() + ": "
                        + other.getClass().getName() + " and " + format.getClass().getName());
            }
        }
        EnumSet<IntegrationKind> missing = EnumSet.allOf(IntegrationKind.class);
        missing.removeAll(formats.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no webhook format for " + missing);
        }
        return formats;
    }

    /**
     * @throws UnknownResourceException when no integration has this id
     * @throws WebhookNotAuthenticated  when the PSA's signature or credentials do not check out; nothing recorded
     * @throws MalformedWebhook         when the webhook is not what the PSA documents; nothing recorded
     * @throws io.trustline.intake.psa.connectwise.SigningKeyUnavailable when ConnectWise's signing key cannot be
     *         fetched now; nothing recorded
     */
    public WebhookAnswer receive(String integrationId, WebhookRequest request) {
        ReceivingIntegration integration = integrations.receiving(integrationId)
                .orElseThrow(() -> new UnknownResourceException("integration", integrationId));
        PsaWebhookFormat format = formats.get(integration.kind());
        format.authenticate(integration, request);
        Optional<PsaTicketChange> change = format.read(request);
        if (change.isEmpty()) {
            return WebhookAnswer.of(WebhookOutcome.IGNORED);
        }
        return take(integration.tenantId(), integration.id(), change.get());
    }

    private WebhookAnswer take(String tenantId, String integrationId, PsaTicketChange change) {
        if (change.psaCompanyId() == null) {
            // a note, or an update that did not send the company: it can only follow a ticket known already
            try {
                return record(tenantId, null, change);
            } catch (PsaTicketNotTracked notTracked) {
                return parked.companyOfTicket(tenantId, integrationId, change.psa().name(), change.externalTicketId())
                        .map(company -> park(tenantId, integrationId, company, change))
                        .orElse(WebhookAnswer.of(WebhookOutcome.IGNORED));
            }
        }
        Optional<String> client = mappings.clientFor(tenantId, integrationId, change.psaCompanyId());
        if (client.isEmpty()) {
            return park(tenantId, integrationId, change.psaCompanyId(), change);
        }
        return record(tenantId, client.get(), change);
    }

    private WebhookAnswer park(String tenantId, String integrationId, String psaCompanyId, PsaTicketChange change) {
        parked.park(tenantId, integrationId, psaCompanyId, change, clock.instant());
        return WebhookAnswer.of(WebhookOutcome.PARKED);
    }

    /**
     * Records the parked changes of the companies mapped now, oldest first, each removed once its issue has it. A
     * failure stops the replay with the rest still parked, for the next replacement of the mappings.
     */
    void replayParked(@Observes CompanyMappingsReplaced replaced) {
        for (ParkedChange change : parked.inArrivalOrder(replaced.tenantId(), replaced.integrationId())) {
            Optional<String> client = mappings.clientFor(replaced.tenantId(), replaced.integrationId(),
                    change.psaCompanyId());
            if (client.isPresent()) {
                record(replaced.tenantId(), client.get(), change.change());
                parked.recorded(change);
            }
        }
    }

    private WebhookAnswer record(String tenantId, String clientId, PsaTicketChange change) {
        String issueId = PsaTickets.issueIdFor(tenantId, change.psa(), change.externalTicketId());
        RecordPsaTicketChange command = new RecordPsaTicketChange(issueId, tenantId, clientId, facts(change),
                clock.instant());
        PsaTicketOutcome outcome;
        try {
            outcome = commands.sendAndWait(command);
        } catch (AggregateStreamCreationException | ConcurrencyException anotherDeliveryFirst) {
            // two deliveries of one ticket at once: the other one reported or updated it; this one meets that now
            outcome = commands.sendAndWait(command);
        }
        return new WebhookAnswer(WebhookOutcome.valueOf(outcome.name()), issueId);
    }

    private static PsaTicketFacts facts(PsaTicketChange change) {
        return new PsaTicketFacts(change.psa(), change.externalTicketId(), change.deliveryId(), change.sequence(),
                change.changedAt(), change.createdAt(), change.summary(), change.description(), change.priority(),
                change.contact(), change.status(), change.respondedAt(), change.planAt(), change.resolvedAt(),
                change.resolutionWithdrawn(), change.note());
    }
}
