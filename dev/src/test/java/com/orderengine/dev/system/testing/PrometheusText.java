package com.orderengine.dev.system.testing;

/** Reads samples out of an admin port's {@code /prometheus} text. */
public final class PrometheusText {

    private PrometheusText() {}

    /** The admin port's whole exposition. */
    public static String scrape(int adminPort) {
        return new ApiClient(adminPort).get("/prometheus").body();
    }

    /** The value of the sample whose name and labels start the line; 0 when there is none. */
    public static double sample(String prometheusText, String nameAndLabels) {
        return prometheusText
                .lines()
                .filter(line -> line.startsWith(nameAndLabels + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
