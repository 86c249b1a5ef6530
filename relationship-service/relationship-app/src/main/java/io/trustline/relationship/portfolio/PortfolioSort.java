package io.trustline.relationship.portfolio;

/** The orders of the portfolio, each the most at risk first; ties go by client id, so paging is stable. */
enum PortfolioSort {
    /** HIGH first, then MEDIUM, LOW, NONE. */
    RISK("riskRank"),
    /** The lowest trust first. */
    TRUST("trustNow"),
    /** The lowest loyalty first. */
    LOYALTY("loyaltyNow");

    /** The stored field that holds the sort key. */
    final String field;

    PortfolioSort(String field) {
        this.field = field;
    }

    double key(PortfolioEntry entry) {
        return switch (this) {
            case RISK -> PortfolioEntries.riskRank(entry.risk().level());
            case TRUST -> entry.trust().now();
            case LOYALTY -> entry.loyalty().now();
        };
    }
}
