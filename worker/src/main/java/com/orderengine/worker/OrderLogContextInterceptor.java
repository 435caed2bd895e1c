package com.orderengine.worker;

import com.orderengine.infrastructure.logging.OrderLogContext;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import java.util.function.Supplier;

/**
 * Tags every log line of an order's workflow and activities with its {@code OrderId} (the SDK already adds
 * {@code WorkflowId}), so the worker's lines carry the same key as the api's. MDC changes no workflow command,
 * so replays are unaffected.
 */
final class OrderLogContextInterceptor extends WorkerInterceptorBase {

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowInboundCallsInterceptorBase(next) {
            @Override
            public WorkflowOutput execute(WorkflowInput input) {
                return tagged(Workflow.getInfo().getWorkflowId(), () -> super.execute(input));
            }

            @Override
            public void handleSignal(SignalInput input) {
                tagged(Workflow.getInfo().getWorkflowId(), () -> {
                    super.handleSignal(input);
                    return null;
                });
            }

            @Override
            public UpdateOutput executeUpdate(UpdateInput input) {
                return tagged(Workflow.getInfo().getWorkflowId(), () -> super.executeUpdate(input));
            }
        };
    }

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInboundCallsInterceptorBase(next) {
            private String workflowId;

            @Override
            public void init(ActivityExecutionContext context) {
                workflowId = context.getInfo().getWorkflowId();
                super.init(context);
            }

            @Override
            public ActivityOutput execute(ActivityInput input) {
                return tagged(workflowId, () -> super.execute(input));
            }
        };
    }

    private static <T> T tagged(String workflowId, Supplier<T> call) {
        try (OrderLogContext.Scope ignored = OrderLogContext.open(OrderLogContext.orderIdOf(workflowId))) {
            return call.get();
        }
    }
}
