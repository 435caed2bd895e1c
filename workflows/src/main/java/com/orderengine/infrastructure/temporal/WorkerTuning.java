package com.orderengine.infrastructure.temporal;

import java.time.Duration;

/**
 * How a worker holds workflows between tasks: how long a task waits for the worker that ran the workflow last,
 * how many workflows it caches, and how many workflow threads it may run.
 */
public record WorkerTuning(Duration stickyScheduleToStartTimeout, int workflowCacheSize, int maxWorkflowThreads) {}
