package com.orderengine.stripeemulator.checkout;

/** A message shown above the page's buttons; {@code kind} is the CSS class: error, info or ok. */
record PageNotice(String kind, String text) {

    static PageNotice error(String text) {
        return new PageNotice("error", text);
    }

    static PageNotice info(String text) {
        return new PageNotice("info", text);
    }

    static PageNotice ok(String text) {
        return new PageNotice("ok", text);
    }
}
