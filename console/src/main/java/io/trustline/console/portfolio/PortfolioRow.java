package io.trustline.console.portfolio;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** One client in the portfolio as the page shows it. Dates are already formatted; null when there is none. */
@TemplateData
public record PortfolioRow(String clientId, String trust, String trustTrend, Sparkline trustSpark,
                           String loyalty, String loyaltyTrend, Sparkline loyaltySpark,
                           String riskLevel, List<String> causes, String lastMeeting, String nextDue, boolean overdue) {
}
