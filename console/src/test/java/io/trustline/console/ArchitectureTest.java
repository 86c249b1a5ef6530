package io.trustline.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's shape: pages apart from each other, the services reached in one place only. */
class ArchitectureTest {

    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.trustline.console");

    @Test
    void pagesDoNotDependOnEachOther() {
        for (String page : List.of("portfolio", "client", "incident", "live", "webhooks", "models")) {
            noClasses().that().resideInAPackage("..console." + page + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(List.of("portfolio", "client", "incident", "live", "webhooks", "models").stream()
                            .filter(other -> !other.equals(page)).map(other -> "..console." + other + "..").toArray(String[]::new))
                    .check(CONSOLE);
        }
        noClasses().that().resideInAPackage("..console.portfolio..")
                .should().dependOnClassesThat().resideInAPackage("..console.client..").check(CONSOLE);
        noClasses().that().resideInAPackage("..console.client..")
                .should().dependOnClassesThat().resideInAPackage("..console.portfolio..").check(CONSOLE);
    }

    @Test
    void onlyTheServicesPackageTalksHttpToTheServices() {
        noClasses().that().resideOutsideOfPackage("..console.services..")
                .should().dependOnClassesThat().resideInAPackage("java.net.http..").check(CONSOLE);
    }

    @Test
    void theConsoleKnowsNoServiceImplementation_andNoAxonOrKafka() {
        // a service's *-api (its published event types, plain Java) is allowed, as for any app (STYLE.md)
        noClasses().should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("io.trustline.intake..", "io.trustline.incident..",
                        "io.trustline.relationship..", "io.trustline.notification..", "org.axonframework..", "org.apache.kafka..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("io.trustline.*.api.."))))
                .check(CONSOLE);
    }
}
