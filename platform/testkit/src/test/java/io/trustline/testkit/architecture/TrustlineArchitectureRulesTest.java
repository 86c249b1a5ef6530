package io.trustline.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.trustline.ordering.api.OrderPlaced;
import io.trustline.ordering.api.OrderPlacedWithItsAggregate;
import io.trustline.ordering.order.Order;
import io.trustline.ordering.order.OrderCommand;
import io.trustline.ordering.order.OrderResource;
import io.trustline.ordering.scoring.OrderScore;
import io.trustline.ordering.scoring.weights.Weight;
import io.trustline.ordering.scoring.weights.WeightsFromCdi;
import io.trustline.ordering.violations.AggregateComparingTenantsByHand;
import io.trustline.ordering.violations.AggregateNotCheckingTheTenant;
import io.trustline.ordering.violations.AggregateReadingCurrentTenant;
import io.trustline.ordering.violations.AggregateThrowingAProblem;
import io.trustline.ordering.violations.AnnotatedAggregateUsingJaxRs;
import io.trustline.ordering.violations.ReadsBillingsInternals;
import io.trustline.ordering.violations.ResourceComparingTenants;
import org.junit.jupiter.api.Test;

/**
 * The shared rules, applied to two made-up services in this module's test sources: {@code io.trustline.ordering}
 * (the service checked) and {@code io.trustline.billing} (another service).
 */
class TrustlineArchitectureRulesTest {

    private static final TrustlineArchitecture ORDERING = TrustlineArchitecture.forService("io.trustline.ordering");

    private static final JavaClasses CONFORMING = classes(OrderPlaced.class, Order.class, OrderCommand.class,
            OrderCommand.PlaceOrder.class, OrderCommand.CancelOrder.class, OrderResource.class, OrderScore.class,
            Weight.class);

    @Test
    void aServiceKeepingTheRules_passesEveryRule() {
        for (ArchRule rule : ORDERING.rules()) {
            assertThat(rule.evaluate(CONFORMING).getFailureReport().getDetails())
                    .as(rule.getDescription())
                    .isEmpty();
        }
    }

    @Test
    void usingAnotherServicesImplementation_violatesTheApiOnlyRule() {
        assertViolation(ORDERING.otherServicesOnlyThroughTheirApi(), ReadsBillingsInternals.class, "InvoiceLedger");
    }

    @Test
    void aContractReferringToTheApp_isNotPlainJava() {
        assertViolation(ORDERING.publishedContractIsPlainJava(), OrderPlacedWithItsAggregate.class, "ordering.order.Order");
    }

    @Test
    void anAggregateThrowingAPlatformProblem_violatesTheDomainLanguageRule() {
        assertViolation(ORDERING.domainImportsNoHttpOrProblemTypes(), AggregateThrowingAProblem.class,
                "UnknownResourceException");
    }

    @Test
    void anAggregateAnnotatedAsSuch_isRecognisedAndMayNotUseJaxRs() {
        assertViolation(ORDERING.domainImportsNoHttpOrProblemTypes(), AnnotatedAggregateUsingJaxRs.class,
                "jakarta.ws.rs.NotFoundException");
    }

    @Test
    void aScoringSubPackageUsingCdi_violatesTheDomainLanguageRule() {
        assertViolation(ORDERING.domainImportsNoHttpOrProblemTypes(), WeightsFromCdi.class, "ApplicationScoped");
    }

    @Test
    void aResourceComparingTenants_violatesTheOneTenantCheckRule() {
        assertViolation(ORDERING.resourcesTakeTheTenantOnlyFromCurrentTenant(), ResourceComparingTenants.class,
                "tenantId()");
    }

    @Test
    void anAggregateReadingTheRequestsTenant_violatesTheCommandTenantRule() {
        assertViolation(ORDERING.aggregatesTakeTheTenantFromTheCommand(), AggregateReadingCurrentTenant.class,
                "CurrentTenant");
    }

    @Test
    void handlersThatMayFindAnExistingAggregate_mustCallTenantOwnership() {
        EvaluationResult result = ORDERING.aggregateCommandHandlersCheckTheTenantThroughTenantOwnership()
                .evaluate(classes(AggregateNotCheckingTheTenant.class));

        assertThat(result.getFailureReport().getDetails())
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("handle(" + OrderCommand.PlaceOrder.class.getName() + ")"))
                .anySatisfy(line -> assertThat(line).contains("handle(" + OrderCommand.CancelOrder.class.getName() + ")"));
    }

    @Test
    void anAggregateComparingTenantsByHand_violatesTheOneHelperRule_evenWhenItAlsoCallsTheHelper() {
        assertThat(ORDERING.aggregateCommandHandlersCheckTheTenantThroughTenantOwnership()
                .evaluate(classes(AggregateComparingTenantsByHand.class)).hasViolation()).isFalse();
        assertViolation(ORDERING.aggregatesCompareNoTenantsThemselves(), AggregateComparingTenantsByHand.class,
                "String.equals");
    }

    @Test
    void aFailingRule_failsTheAppsCheck() {
        assertThatThrownBy(() -> ORDERING.otherServicesOnlyThroughTheirApi().check(classes(ReadsBillingsInternals.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReadsBillingsInternals");
    }

    @Test
    void onlyAServicesRootPackage_isAccepted() {
        assertThatThrownBy(() -> TrustlineArchitecture.forService("io.trustline.platform"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustlineArchitecture.forService("io.trustline.ordering.order"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustlineArchitecture.forService("com.example.ordering"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertViolation(ArchRule rule, Class<?> violator, String culprit) {
        EvaluationResult result = rule.evaluate(classes(violator));

        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(violator.getSimpleName()).contains(culprit));
    }

    private static JavaClasses classes(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }
}
