package io.trustline.notification.webhooks;

import io.trustline.notification.webhooks.WebhookEndpointCommand.ChangeWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointCommand.DeleteWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointCommand.DisableWebhookEndpoint;
import io.trustline.notification.webhooks.WebhookEndpointCommand.RotateWebhookEndpointSecret;
import io.trustline.notification.webhooks.WebhookEndpointEvent.DisabledReason;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointDeleted;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointDisabled;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointEnabled;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointRegistered;
import io.trustline.notification.webhooks.WebhookEndpointEvent.WebhookEndpointUpdated;
import io.trustline.platform.command.IdempotentCommands;
import io.trustline.platform.domain.NotFoundForTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookEndpointPatchAndDeleteTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(2));
    private static final String URL = "https://partner.example/hooks";
    private static final List<String> TYPES = List.of("io.trustline.intake.IssueReported.v1");
    private static final String CRITICAL = "data.priority == \"CRITICAL\"";
    /** Registered with a backfill, which a patch leaves as it is. */
    private static final Instant BACKFILL_FROM = NOW.minus(Duration.ofDays(7));
    private static final WebhookEndpointRegistered REGISTERED = new WebhookEndpointRegistered("ep-1", "tenant-a", URL,
            TYPES, NOW, "v1:sealed", CRITICAL, List.of("acme-dental"), "dashboard", BACKFILL_FROM);
    private static final WebhookEndpointDisabled GONE = new WebhookEndpointDisabled("ep-1", "tenant-a",
            DisabledReason.GONE, "answered 410 Gone", NOW.plusSeconds(60));

    private AggregateTestFixture<WebhookEndpoint> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(WebhookEndpoint.class);
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(IdempotentCommands.correlationData()));
    }

    @Test
    void aPatch_recordsEverySettingAsItIsNow_andNamesTheOnesThatChanged() {
        EndpointPatch patch = new EndpointPatch(EnumSet.of(EndpointSetting.FILTER, EndpointSetting.DESCRIPTION,
                EndpointSetting.CLIENT_IDS), null, null, "data.priority == \"HIGH\"", List.of("acme-dental"),
                "dashboard, high only", null);

        fixture.given(REGISTERED)
                .when(new ChangeWebhookEndpoint("ep-1", "tenant-a", patch, LATER))
                .expectEvents(new WebhookEndpointUpdated("ep-1", "tenant-a", URL, TYPES, "data.priority == \"HIGH\"",
                        List.of("acme-dental"), "dashboard, high only", List.of("filter", "description"), LATER))
                .expectResultMessagePayload(new WebhookEndpointDetails("ep-1", URL, TYPES, "data.priority == \"HIGH\"",
                        List.of("acme-dental"), "dashboard, high only", NOW, null, null, BACKFILL_FROM));
    }

    @Test
    void aPatchWithNulls_removesTheFilterAllowListAndDescription() {
        EndpointPatch patch = new EndpointPatch(EnumSet.of(EndpointSetting.FILTER, EndpointSetting.CLIENT_IDS,
                EndpointSetting.DESCRIPTION), null, null, null, null, null, null);

        fixture.given(REGISTERED)
                .when(new ChangeWebhookEndpoint("ep-1", "tenant-a", patch, LATER))
                .expectEvents(new WebhookEndpointUpdated("ep-1", "tenant-a", URL, TYPES, null, null, null,
                        List.of("filter", "clientIds", "description"), LATER));
    }

    @Test
    void aPatchThatChangesNothing_recordsNothing_andAnswersTheEndpoint() {
        EndpointPatch same = new EndpointPatch(EnumSet.of(EndpointSetting.URL, EndpointSetting.EVENT_TYPES), URL, TYPES,
                null, null, null, true);

        fixture.given(REGISTERED)
                .when(new ChangeWebhookEndpoint("ep-1", "tenant-a", same, LATER))
                .expectNoEvents()
                .expectResultMessagePayload(new WebhookEndpointDetails("ep-1", URL, TYPES, CRITICAL,
                        List.of("acme-dental"), "dashboard", NOW, null, null, BACKFILL_FROM));
    }

    @Test
    void disablingByPatch_recordsDisabledByTheTenant_andDisablingAgainRecordsNothing() {
        WebhookEndpointDisabled byTenant = new WebhookEndpointDisabled("ep-1", "tenant-a",
                DisabledReason.DISABLED_BY_TENANT, "disabled by the tenant", LATER);
        fixture.given(REGISTERED)
                .when(new ChangeWebhookEndpoint("ep-1", "tenant-a", enabled(false), LATER))
                .expectEvents(byTenant)
                .expectResultMessagePayload(new WebhookEndpointDetails("ep-1", URL, TYPES, CRITICAL,
                        List.of("acme-dental"), "dashboard", NOW, LATER, DisabledReason.DISABLED_BY_TENANT,
                        BACKFILL_FROM));

        new AggregateTestFixture<>(WebhookEndpoint.class).given(REGISTERED, byTenant)
                .when(new ChangeWebhookEndpoint("ep-1", "tenant-a", enabled(false), LATER.plusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void enabling_endsADisablingByDelivery_andSaysWhyItHadBeenDisabled() {
        fixture.given(REGISTERED, GONE)
                .when(new ChangeWebhookEndpoint("ep-1", "tenant-a", enabled(true), LATER))
                .expectEvents(new WebhookEndpointEnabled("ep-1", "tenant-a", DisabledReason.GONE, LATER))
                .expectResultMessagePayload(new WebhookEndpointDetails("ep-1", URL, TYPES, CRITICAL,
                        List.of("acme-dental"), "dashboard", NOW, null, null, BACKFILL_FROM));
    }

    @Test
    void newSettingsAndEnabling_inOnePatch_recordTheSettingsFirst() {
        EndpointPatch patch = new EndpointPatch(EnumSet.of(EndpointSetting.URL), "https://partner.example/v2", null,
                null, null, null, true);

        fixture.given(REGISTERED, GONE)
                .when(new ChangeWebhookEndpoint("ep-1", "tenant-a", patch, LATER))
                .expectEvents(new WebhookEndpointUpdated("ep-1", "tenant-a", "https://partner.example/v2", TYPES,
                                CRITICAL, List.of("acme-dental"), "dashboard", List.of("url"), LATER),
                        new WebhookEndpointEnabled("ep-1", "tenant-a", DisabledReason.GONE, LATER));
    }

    @Test
    void anotherTenantsPatch_orDeletion_isRefusedAsNotFound() {
        fixture.given(REGISTERED)
                .when(new ChangeWebhookEndpoint("ep-1", "tenant-b", enabled(false), LATER))
                .expectException(NotFoundForTenant.class)
                .expectNoEvents();
        new AggregateTestFixture<>(WebhookEndpoint.class).given(REGISTERED)
                .when(new DeleteWebhookEndpoint("ep-1", "tenant-b", LATER))
                .expectException(NotFoundForTenant.class)
                .expectNoEvents();
    }

    @Test
    void deleting_recordsItsLastEvent() {
        fixture.given(REGISTERED, GONE)
                .when(new DeleteWebhookEndpoint("ep-1", "tenant-a", LATER))
                .expectEvents(new WebhookEndpointDeleted("ep-1", "tenant-a", LATER));
    }

    @Test
    void aDeletedEndpoint_cannotBeChangedRotatedOrDeletedAgain() {
        WebhookEndpointDeleted deleted = new WebhookEndpointDeleted("ep-1", "tenant-a", LATER);
        fixture.given(REGISTERED, deleted)
                .when(new ChangeWebhookEndpoint("ep-1", "tenant-a", enabled(true), LATER.plusSeconds(1)))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
        new AggregateTestFixture<>(WebhookEndpoint.class).given(REGISTERED, deleted)
                .when(new RotateWebhookEndpointSecret("ep-1", "tenant-a", "v1:new", LATER, LATER))
                .expectException(AggregateDeletedException.class);
        new AggregateTestFixture<>(WebhookEndpoint.class).given(REGISTERED, deleted)
                .when(new DeleteWebhookEndpoint("ep-1", "tenant-a", LATER.plusSeconds(1)))
                .expectException(AggregateDeletedException.class);
    }

    @Test
    void deliveryDisablingADeletedEndpoint_recordsNothing() {
        fixture.given(REGISTERED, new WebhookEndpointDeleted("ep-1", "tenant-a", LATER))
                .when(new DisableWebhookEndpoint("ep-1", "tenant-a", DisabledReason.GONE, "answered 410", LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeletionRetriedWithItsKey_isAnsweredAgain_andStoresNothing() {
        DeleteWebhookEndpoint delete = new DeleteWebhookEndpoint("ep-1", "tenant-a", LATER);
        MetaData keyed = IdempotentCommands.message(delete, "delete-1", Map.of()).getMetaData();
        WebhookEndpointDeleted deleted = new WebhookEndpointDeleted("ep-1", "tenant-a", LATER);

        fixture.given(List.of(REGISTERED, GenericEventMessage.asEventMessage(deleted).andMetaData(keyed)))
                .when(new DeleteWebhookEndpoint("ep-1", "tenant-a", LATER.plusSeconds(5)), keyed)
                .expectNoEvents()
                .expectResultMessagePayload(new IdempotentCommands.Replayed(deleted));
    }

    @Test
    void aPatchRetriedWithItsKey_answersTheEndpointAsItIsNow_andStoresNothing() {
        ChangeWebhookEndpoint disable = new ChangeWebhookEndpoint("ep-1", "tenant-a", enabled(false), LATER);
        MetaData keyed = IdempotentCommands.message(disable, "patch-1", Map.of("enabled", false)).getMetaData();
        WebhookEndpointDisabled disabled = new WebhookEndpointDisabled("ep-1", "tenant-a",
                DisabledReason.DISABLED_BY_TENANT, "disabled by the tenant", LATER);

        fixture.given(List.of(REGISTERED, GenericEventMessage.asEventMessage(disabled).andMetaData(keyed)))
                .when(new ChangeWebhookEndpoint("ep-1", "tenant-a", enabled(false), LATER.plusSeconds(5)), keyed)
                .expectNoEvents()
                .expectResultMessagePayload(new IdempotentCommands.Replayed(new WebhookEndpointDetails("ep-1", URL,
                        TYPES, CRITICAL, List.of("acme-dental"), "dashboard", NOW, LATER,
                        DisabledReason.DISABLED_BY_TENANT, BACKFILL_FROM)));
    }

    private static EndpointPatch enabled(boolean enabled) {
        return new EndpointPatch(Set.of(), null, null, null, null, null, enabled);
    }
}
