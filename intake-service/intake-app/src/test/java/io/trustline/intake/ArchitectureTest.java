package io.trustline.intake;

import io.trustline.testkit.architecture.TrustlineArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> intakeKeepsTheSharedArchitectureRules() {
        return TrustlineArchitecture.forService("io.trustline.intake").checkedAgainst(TrustlineArchitecture.mainClasses());
    }
}
