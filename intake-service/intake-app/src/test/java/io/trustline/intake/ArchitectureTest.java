package io.trustline.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses intake = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.trustline");

    @Test
    void intakeUsesNoOtherServicesImplementation() {
        noClasses().that().resideInAPackage("io.trustline.intake..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.trustline.incident..", "io.trustline.relationship..", "io.trustline.notification..")
                .check(intake);
    }

    @Test
    void thePublishedContractDependsOnNothingOfTheApp() {
        noClasses().that().resideInAPackage("io.trustline.intake.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trustline.intake.issue..", "io.trustline.intake.publishing..",
                        "io.trustline.platform..",
                        "org.axonframework..", "io.quarkus..", "jakarta..")
                .check(intake);
    }
}
