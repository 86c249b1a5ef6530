package io.trustline.relationship.scoring;

/**
 * One reason a score moved at a point: which score, by how much after clamping, the rule of the
 * model that fired, and why in words ("action plan issued 40 min after the report; ...").
 */
public record Change(Dimension dimension, double delta, String rule, String because) {

    public enum Dimension {
        TRUST, LOYALTY;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** "+3 trust: action plan issued 40 min after the report; target ... is 60 min". */
    public String sentence() {
        String amount = delta == 0 ? "no change to " : Wording.signed(delta) + " ";
        return amount + dimension.word() + ": " + because;
    }
}
