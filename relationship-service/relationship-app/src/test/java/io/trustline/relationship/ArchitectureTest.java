package io.trustline.relationship;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.trustline.testkit.architecture.TrustlineArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    private static final JavaClasses RELATIONSHIP = TrustlineArchitecture.mainClasses();

    @TestFactory
    Stream<DynamicTest> relationshipKeepsTheSharedArchitectureRules() {
        return TrustlineArchitecture.forService("io.trustline.relationship").checkedAgainst(RELATIONSHIP);
    }

    @Test
    void theScoringEngineIsPlainJava_readingItsModelWithJacksonAlone() {
        classes().that().resideInAPackage("io.trustline.relationship.scoring..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.trustline.relationship.scoring..", "java..", "com.fasterxml.jackson..")
                .check(RELATIONSHIP);
    }
}
