package com.orderengine.dev;

import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Starts workflows wf-1 … wf-n on a queue nobody polls, then polls as a worker would: the server's order. */
final class TaskDispatchOrder {

    private TaskDispatchOrder() {
    }

    static List<String> handedOut(WorkflowServiceStubs service, String namespace, String queue, int workflows) {
        for (int i = 1; i <= workflows; i++) {
            service.blockingStub().startWorkflowExecution(StartWorkflowExecutionRequest.newBuilder()
                    .setNamespace(namespace)
                    .setWorkflowId("wf-" + i)
                    .setRequestId(UUID.randomUUID().toString())
                    .setWorkflowType(WorkflowType.newBuilder().setName("Recorded"))
                    .setTaskQueue(TaskQueue.newBuilder().setName(queue))
                    .build());
        }
        // One task at a time: the order of the answers is the server's dispatch order.
        List<String> handedOut = new ArrayList<>();
        for (int i = 0; i < workflows; i++) {
            handedOut.add(service.blockingStub().pollWorkflowTaskQueue(PollWorkflowTaskQueueRequest.newBuilder()
                            .setNamespace(namespace)
                            .setTaskQueue(TaskQueue.newBuilder().setName(queue))
                            .setIdentity(queue)
                            .build())
                    .getWorkflowExecution().getWorkflowId());
        }
        return handedOut;
    }
}
