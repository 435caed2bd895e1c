package com.orderengine.stripeemulator.web;

/** Answers the requests under one path prefix. */
@FunctionalInterface
public interface WebHandler {
    WebResponse handle(WebRequest request);
}
