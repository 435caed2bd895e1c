package com.orderengine.api.errors;

/** The body of every error answer: {@code {"error": "what is wrong"}}. */
public record ErrorResponse(String error) {}
