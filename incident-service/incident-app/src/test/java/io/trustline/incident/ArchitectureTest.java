package io.trustline.incident;

import io.trustline.testkit.architecture.TrustlineArchitecture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> incidentKeepsTheSharedArchitectureRules() {
        return TrustlineArchitecture.forService("io.trustline.incident").checkedAgainst(TrustlineArchitecture.mainClasses());
    }
}
