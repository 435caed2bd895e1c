package com.orderengine.dev;

import io.temporal.testserver.TestServer;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two repairs to Temporal's Java test server (temporal-test-server 1.38.0) for the local stack, which runs it for
 * hours under real load rather than for one test. Neither changes what the server does for a workflow; both undo
 * a cost the real Temporal server does not have, so the local stack and the benchmark on it do not slow down as
 * they run. Each is applied through reflection and on its own; one that cannot be applied (the server's insides
 * changed in an upgrade) is reported and the server runs as shipped. {@code TestServerRepairsTest} fails when a
 * repair no longer applies.
 *
 * <ol>
 *   <li><b>The timer's lock-event log.</b> {@code SelfAdvancingTimerImpl} records every time-skipping lock and
 *   unlock in a {@code LinkedList} kept "for debugging purposes only". Locks and unlocks that come with a workflow
 *   task or an activity are added and never removed (4 to 6 per checkout), and every unlock through a lock handle
 *   (each fired or cancelled timer) walks the list from its head. The benchmark's profiles had
 *   {@code LinkedList.remove} at 6 % of the stack's CPU after 1,500 checkouts and 47 % after 7,000, and the list
 *   holds memory that is never given back. The repair swaps in a list that records nothing; the lock count that
 *   guards the timer stays as it was. Only the server's diagnostics dump loses its lock history.</li>
 *   <li><b>Task order.</b> A task queue's backlog is a {@code PriorityQueue} ordered by priority alone, and a heap
 *   does not keep insertion order among equals: the task added last is handed out next
 *   ({@code TestServerTaskOrderTest}). Under steady load the oldest tasks wait until the load stops, which is
 *   what left orders "not paid within 10 s" in the benchmark. Temporal's server hands out tasks of equal priority
 *   first in, first out; the repair gives every backlog that order, keeping priorities first.</li>
 * </ol>
 */
public final class TestServerRepairs {

    /** What was repaired, and why a repair was not made. */
    public record Outcome(List<String> applied, List<String> failed) {

        public boolean complete() {
            return failed.isEmpty();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(TestServerRepairs.class);

    private TestServerRepairs() {
    }

    /**
     * Starts the test server bound to {@code port} in real time (time skipping locked), as the local stack runs
     * it, with the repairs applied; a repair that does not apply is logged as a warning.
     */
    public static TestServer.PortBoundTestServer startPortBound(int port) {
        TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true);
        Outcome outcome = apply(server);
        outcome.applied().forEach(repair -> log.debug("Temporal test server repaired: {}", repair));
        outcome.failed().forEach(failure -> log.warn(
                "Temporal test server runs as shipped, it will slow down as it runs: {}", failure));
        return server;
    }

    public static Outcome apply(TestServer.PortBoundTestServer server) {
        List<String> applied = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Object starter;
        try {
            starter = read(server, "testServicesStarter");
        } catch (ReflectiveOperationException | RuntimeException e) {
            failed.add("the test server's services could not be reached: " + e);
            return new Outcome(applied, failed);
        }
        try {
            stopLockEventLog(read(starter, "selfAdvancingTimer"));
            applied.add("timer lock events are not recorded");
        } catch (ReflectiveOperationException | RuntimeException e) {
            failed.add("timer lock-event log: " + e);
        }
        try {
            Object store = read(starter, "workflowStore");
            makeFirstInFirstOut(store, "workflowTaskQueues");
            makeFirstInFirstOut(store, "activityTaskQueues");
            applied.add("workflow and activity tasks are handed out first in, first out");
        } catch (ReflectiveOperationException | RuntimeException e) {
            failed.add("task order: " + e);
        }
        return new Outcome(List.copyOf(applied), List.copyOf(failed));
    }

    private static void stopLockEventLog(Object timer) throws ReflectiveOperationException {
        Lock lock = (Lock) read(timer, "lock");
        lock.lock();
        try {
            write(timer, "lockEvents", new UnrecordedLockEvents());
        } finally {
            lock.unlock();
        }
    }

    /** New task queues are made under the store's lock and put into these maps; existing ones are converted too. */
    @SuppressWarnings("unchecked")
    private static void makeFirstInFirstOut(Object store, String mapField) throws ReflectiveOperationException {
        Lock lock = (Lock) read(store, "lock");
        lock.lock();
        try {
            Map<Object, Object> existing = (Map<Object, Object>) read(store, mapField);
            FirstInFirstOutQueues queues = new FirstInFirstOutQueues();
            queues.putAll(existing);
            write(store, mapField, queues);
        } finally {
            lock.unlock();
        }
    }

    /** Converts a test-server {@code TaskQueue}'s backlog; the queue's own methods are synchronized on it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void convertBacklog(Object taskQueue) {
        try {
            synchronized (taskQueue) {
                PriorityQueue<Object> backlog = (PriorityQueue<Object>) read(taskQueue, "backlog");
                if (backlog instanceof InsertionOrderedBacklog) {
                    return;
                }
                Comparator<Object> byPriority = (Comparator) backlog.comparator();
                InsertionOrderedBacklog<Object> ordered = new InsertionOrderedBacklog<>(
                        byPriority == null ? (a, b) -> 0 : byPriority);
                // Draining in the old order keeps whatever order the waiting tasks already had.
                for (Object task = backlog.poll(); task != null; task = backlog.poll()) {
                    ordered.add(task);
                }
                write(taskQueue, "backlog", ordered);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot convert a task queue's backlog", e);
        }
    }

    private static Object read(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    private static void write(Object owner, String name, Object value) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(owner, value);
    }

    /** Accepts every lock event and keeps none; removing one always succeeds, as it would from a full log. */
    static final class UnrecordedLockEvents extends LinkedList<Object> {

        @Override
        public boolean add(Object event) {
            return true;
        }

        @Override
        public boolean remove(Object event) {
            return true;
        }
    }

    /** The store's map of task queues: each queue put in gets a first-in, first-out backlog. */
    static final class FirstInFirstOutQueues extends HashMap<Object, Object> {

        @Override
        public Object put(Object key, Object taskQueue) {
            convertBacklog(taskQueue);
            return super.put(key, taskQueue);
        }

        @Override
        public void putAll(Map<?, ?> queues) {
            queues.forEach(this::put);
        }
    }

    /**
     * A priority queue that breaks ties by arrival: among equal priorities, the element added first comes out
     * first. Used only under the owning task queue's monitor, like the queue it replaces.
     */
    static final class InsertionOrderedBacklog<E> extends PriorityQueue<E> {

        private final Map<Object, Long> arrival;
        private long next;

        InsertionOrderedBacklog(Comparator<? super E> byPriority) {
            this(byPriority, new IdentityHashMap<>());
        }

        private InsertionOrderedBacklog(Comparator<? super E> byPriority, Map<Object, Long> arrival) {
            super(byPriority.thenComparing(element -> arrival.get(element)));
            this.arrival = arrival;
        }

        @Override
        public boolean offer(E element) {
            arrival.put(element, next++);
            return super.offer(element);
        }

        @Override
        public E poll() {
            E element = super.poll();
            if (element != null) {
                arrival.remove(element);
            }
            return element;
        }

        @Override
        public boolean remove(Object element) {
            boolean removed = super.remove(element);
            if (removed) {
                arrival.remove(element);
            }
            return removed;
        }

        @Override
        public void clear() {
            super.clear();
            arrival.clear();
        }
    }
}
