package io.trustline.relationship.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustline.platform.problem.InvalidFieldException;
import org.junit.jupiter.api.Test;

class PortfolioCursorTest {

    @Test
    void aCursor_readsBackAsItWasGiven_evenWithColonsInTheClientId() {
        PortfolioCursor cursor = new PortfolioCursor(PortfolioSort.TRUST, 47.25, "acme:dental");

        assertThat(PortfolioCursor.decode(cursor.encode(), PortfolioSort.TRUST)).isEqualTo(cursor);
    }

    @Test
    void aCursorOfAnotherSort_orNoneOfOurs_isRefusedNamingCursor() {
        String trustCursor = new PortfolioCursor(PortfolioSort.TRUST, 47.25, "acme").encode();

        for (String foreign : new String[] {trustCursor, "bm90LWEtY3Vyc29y", "djE6UklTSzpub3QtYS1udW1iZXI6YWNtZQ"}) {
            assertThatThrownBy(() -> PortfolioCursor.decode(foreign, PortfolioSort.RISK))
                    .isInstanceOfSatisfying(InvalidFieldException.class,
                            e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }
}
