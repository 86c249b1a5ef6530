package io.trustline.relationship;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses relationship = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.trustline");

    @Test
    void theScoringEngineIsPlainJava_readingItsModelWithJacksonAlone() {
        classes().that().resideInAPackage("io.trustline.relationship.scoring..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.trustline.relationship.scoring..", "java..", "com.fasterxml.jackson..")
                .check(relationship);
    }
}
