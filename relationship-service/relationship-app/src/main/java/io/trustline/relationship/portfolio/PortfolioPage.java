package io.trustline.relationship.portfolio;

import java.util.List;

/**
 * A page of the portfolio.
 *
 * @param clients    the tenant's clients in the asked order
 * @param nextCursor pass it as {@code cursor} for the next page; null on the last
 */
public record PortfolioPage(List<PortfolioEntry> clients, String nextCursor) {
}
