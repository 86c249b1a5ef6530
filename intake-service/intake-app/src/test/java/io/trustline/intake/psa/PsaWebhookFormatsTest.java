package io.trustline.intake.psa;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustline.intake.integration.IntegrationKind;
import io.trustline.intake.psa.autotask.AutotaskWebhooks;
import io.trustline.intake.psa.halo.HaloWebhookFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The receiver starts only with one webhook format per integration kind; that the app has all three is proven by every
 * {@code @QuarkusTest} starting at all ({@link PsaTicketIntake} is created at start-up).
 */
class PsaWebhookFormatsTest {

    @Test
    void aKindWithoutAFormat_stopsTheReceiverFromStarting_namingTheKind() {
        assertThatThrownBy(() -> PsaTicketIntake.byKind(List.of(new AutotaskWebhooks(), new HaloWebhookFormat())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(IntegrationKind.CONNECTWISE.name());
    }

    @Test
    void twoFormatsOfOneKind_stopTheReceiverFromStarting() {
        assertThatThrownBy(() -> PsaTicketIntake.byKind(List.of(new HaloWebhookFormat(), new HaloWebhookFormat())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two webhook formats for HALO");
    }
}
