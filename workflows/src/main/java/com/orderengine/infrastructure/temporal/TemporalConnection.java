package com.orderengine.infrastructure.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;

/** One process's connection to Temporal and the task queue order workflows run on. */
public record TemporalConnection(
        WorkflowServiceStubs stubs, WorkflowClient client, String namespace, String taskQueue) {}
