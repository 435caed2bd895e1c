package com.orderengine.stripeemulator.refund;

/** The payment exists but cannot be refunded as asked; the message is worded like Stripe's. */
public final class RefundRefusedException extends IllegalStateException {

    /** Why, with the error {@code code} Stripe answers for it. */
    public enum Refusal {
        /** Not paid (yet): a delayed payment still processing or failed has no charge to refund. */
        NO_SUCCESSFUL_CHARGE("charge_not_refundable"),
        ALREADY_REFUNDED("charge_already_refunded"),
        AMOUNT_TOO_LARGE("amount_too_large");

        private final String code;

        Refusal(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Refusal refusal;

    public RefundRefusedException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
