package com.orderengine.bench.results;

/** One of the targets, what this run measured for it, and whether it was met. */
public record TargetOutcome(String target, String measured, Verdict verdict) {

    public enum Verdict {
        MET("yes"),
        NOT_MET("**no**"),
        NOT_MEASURED("not measured");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
