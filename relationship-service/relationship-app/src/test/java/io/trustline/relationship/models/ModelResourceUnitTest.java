package io.trustline.relationship.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustline.platform.problem.Problem;
import org.junit.jupiter.api.Test;

class ModelResourceUnitTest {

    @Test
    void aProblemWithAPath_namesThatKeyAsTheField() {
        assertThat(ModelResource.fieldError("targets.STOPPED.EVERYONE: missing"))
                .isEqualTo(new Problem.FieldError("targets.STOPPED.EVERYONE", "missing"));
    }

    @Test
    void aProblemAboutTheWholeFile_namesTheBody() {
        assertThat(ModelResource.fieldError("the file is empty"))
                .isEqualTo(new Problem.FieldError("body", "the file is empty"));
        assertThat(ModelResource.fieldError("Unexpected character ('x'): expected a value (line 3)"))
                .isEqualTo(new Problem.FieldError("body", "Unexpected character ('x'): expected a value (line 3)"));
    }
}
