package com.orderengine.order.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiMode;
import com.stripe.net.StripeResponseGetter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one object as stripe-mock answers it (Stripe's spec and fixtures) with the same object as the emulator
 * answers it. Strict where the engine depends on it: the {@code object} value, hence the stripe-java type, and
 * every field the engine reads, which the emulator must populate with a value of the same JSON kind. Everything
 * else that differs is only listed in {@link Result#notes()}: the emulator leaves out Stripe fields nobody reads.
 *
 * @param what          names the call, for messages ("checkout.session from create")
 * @param expectedType  the stripe-java class both answers must deserialise to by their {@code object} value
 * @param engineReads   the top-level fields the engine (or its webhook handler) reads from this object
 * @param nullInThisState engine-read fields Stripe itself leaves null in the state the emulator's object is in,
 *                      each with the reason; they must still be present, as keys
 */
record ObjectShapeComparison(
        String what,
        Class<? extends StripeObject> expectedType,
        Set<String> engineReads,
        Map<String, String> nullInThisState) {

    /** {@code problems} fail the test; {@code notes} are differences the engine does not depend on. */
    record Result(List<String> problems, List<String> notes) {}

    Result compare(JsonObject stripeMock, JsonObject emulator) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        compareTypes(stripeMock, emulator, problems);
        for (String field : new TreeSet<>(engineReads)) {
            compareEngineField(field, stripeMock, emulator, problems);
        }
        for (String field : new TreeSet<>(stripeMock.keySet())) {
            if (engineReads.contains(field) || !populated(stripeMock, field)) {
                continue;
            }
            if (!emulator.has(field)) {
                notes.add(field + ": stripe-mock populates it, the emulator leaves it out");
            } else if (!populated(emulator, field)) {
                notes.add(field + ": stripe-mock populates it, the emulator answers null");
            }
        }
        for (String field : new TreeSet<>(emulator.keySet())) {
            if (!stripeMock.has(field)) {
                notes.add(field + ": the emulator sends it, stripe-mock's fixture has no such field");
            }
        }
        return new Result(problems, notes);
    }

    private void compareTypes(JsonObject stripeMock, JsonObject emulator, List<String> problems) {
        String mockObject = text(stripeMock, "object");
        String emulatorObject = text(emulator, "object");
        Class<?> mockType = typeOf(stripeMock);
        Class<?> emulatorType = typeOf(emulator);
        if (!expectedType.equals(mockType)) {
            problems.add("stripe-mock's object is \"" + mockObject + "\" (" + mockType.getName() + "), expected "
                    + expectedType.getName() + ": the test's expectation is out of date");
        }
        if (!expectedType.equals(emulatorType) || !mockObject.equals(emulatorObject)) {
            problems.add("object: the emulator says \"" + emulatorObject + "\", which stripe-java reads as "
                    + emulatorType.getName() + "; Stripe says \"" + mockObject + "\" (" + mockType.getName() + ")");
        }
    }

    private void compareEngineField(String field, JsonObject stripeMock, JsonObject emulator, List<String> problems) {
        if (!stripeMock.has(field)) {
            problems.add(
                    field + ": the engine reads it, but Stripe's " + text(stripeMock, "object") + " has no such field");
        }
        if (!emulator.has(field)) {
            problems.add(field + ": missing from the emulator's answer (the engine reads it)");
            return;
        }
        if (!populated(emulator, field)) {
            if (!nullInThisState.containsKey(field)) {
                problems.add(field + ": null in the emulator's answer (the engine reads it)"
                        + (populated(stripeMock, field) ? "; stripe-mock has " + stripeMock.get(field) : ""));
            }
            return;
        }
        if (populated(stripeMock, field) && !kind(stripeMock.get(field)).equals(kind(emulator.get(field)))) {
            problems.add(field + ": the emulator sends a " + kind(emulator.get(field)) + " (" + emulator.get(field)
                    + "), Stripe a " + kind(stripeMock.get(field)) + " (" + stripeMock.get(field) + ")");
        }
    }

    /** The class stripe-java picks from the {@code object} value, as it does for webhook events' objects. */
    private static Class<?> typeOf(JsonObject json) {
        return StripeObject.deserializeStripeObject(json.toString(), (StripeResponseGetter) null, ApiMode.V1)
                .getClass();
    }

    private static boolean populated(JsonObject json, String field) {
        return json.has(field) && !json.get(field).isJsonNull();
    }

    private static String text(JsonObject json, String field) {
        return populated(json, field) ? json.get(field).getAsString() : "(none)";
    }

    /** string, number, boolean, object or array: what decides whether stripe-java can read the value. */
    private static String kind(JsonElement value) {
        if (value.isJsonObject()) {
            return "object";
        }
        if (value.isJsonArray()) {
            return "array";
        }
        if (value.isJsonNull()) {
            return "null";
        }
        var primitive = value.getAsJsonPrimitive();
        return primitive.isString() ? "string" : primitive.isNumber() ? "number" : "boolean";
    }
}
