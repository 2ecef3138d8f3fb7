package io.sluice.runtime.source.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.connector.source.ReaderInfo;
import io.sluice.runtime.operators.coordination.OperatorCoordinator;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.source.event.AddSplitEvent;
import io.sluice.runtime.source.event.NoMoreSplitsEvent;
import io.sluice.runtime.source.event.ReaderRegistrationEvent;
import io.sluice.runtime.source.event.RequestSplitEvent;
import io.sluice.runtime.source.event.SourceEventWrapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceCoordinatorTest {
    private final RecordingSource source = new RecordingSource();
    private final FakeCoordinatorContext context = new FakeCoordinatorContext(2);
    private final FakeSubtaskGateway gateway0 = new FakeSubtaskGateway(0);
    private final FakeSubtaskGateway gateway1 = new FakeSubtaskGateway(1);
    private OperatorCoordinator coordinator;

    @BeforeEach
    void start() throws Exception {
        coordinator = new SourceCoordinatorProvider<>(new OperatorID(1, 2), "numbers", source).create(context);
        context.run(coordinator::start);
    }

    @AfterEach
    void close() throws Exception {
        context.run(coordinator::close);
        context.close();
    }

    private void readyAndRegister(int subtask, int attempt, FakeSubtaskGateway gateway) throws Exception {
        context.run(() -> {
            coordinator.subtaskReady(subtask, attempt, gateway);
            coordinator.handleEventFromOperator(
                    subtask, attempt, new ReaderRegistrationEvent(subtask, "host-" + subtask));
        });
    }

    private void request(int subtask, int attempt) throws Exception {
        context.run(
                () -> coordinator.handleEventFromOperator(subtask, attempt, new RequestSplitEvent("host-" + subtask)));
    }

    private List<String> splitIds(OperatorEvent event) throws Exception {
        assertThat(event).isInstanceOf(AddSplitEvent.class);
        return ((AddSplitEvent) event)
                .splits(source.getSplitSerializer()).stream()
                        .map(RecordingSource.Split::splitId)
                        .toList();
    }

    @Test
    void registrationRecordsReaderInfoThenCallsAddReader() throws Exception {
        readyAndRegister(1, 0, gateway1);
        assertThat(source.log).containsExactly("start", "addReader 1");
        assertThat(context.call(() -> source.enumerator.context.registeredReaders()))
                .isEqualTo(Map.of(1, new ReaderInfo(1, "host-1")));
    }

    @Test
    void splitRequestsAreAnsweredWithSerializedSplitsOnTheRequestersGateway() throws Exception {
        readyAndRegister(0, 0, gateway0);
        readyAndRegister(1, 0, gateway1);
        request(1, 0);
        request(0, 0);
        request(1, 0);
        request(1, 0);

        assertThat(source.log)
                .containsExactly(
                        "start",
                        "addReader 0",
                        "addReader 1",
                        "request 1 host-1",
                        "request 0 host-0",
                        "request 1 host-1",
                        "request 1 host-1");
        assertThat(gateway0.events).hasSize(1);
        assertThat(splitIds(gateway0.events.get(0))).containsExactly("b");
        assertThat(gateway1.events).hasSize(3);
        assertThat(((AddSplitEvent) gateway1.events.get(0)).serializerVersion()).isEqualTo(3);
        assertThat(splitIds(gateway1.events.get(0))).containsExactly("a");
        assertThat(splitIds(gateway1.events.get(1))).containsExactly("c");
        assertThat(gateway1.events.get(2)).isEqualTo(NoMoreSplitsEvent.INSTANCE);
    }

    @Test
    void failedAttemptHandsItsSplitsBackAndForgetsTheReader() throws Exception {
        readyAndRegister(0, 0, gateway0);
        readyAndRegister(1, 0, gateway1);
        request(1, 0);
        request(1, 0);
        request(0, 0);

        context.run(() -> coordinator.executionAttemptFailed(1, 0, new RuntimeException("TaskManager lost")));
        assertThat(source.log).endsWith("addSplitsBack [Split[splitId=a], Split[splitId=b]] 1");
        assertThat(context.call(() -> source.enumerator.context.registeredReaders()))
                .containsOnlyKeys(0);

        FakeSubtaskGateway gateway1Attempt1 = new FakeSubtaskGateway(1);
        readyAndRegister(1, 1, gateway1Attempt1);
        request(1, 1);
        assertThat(splitIds(gateway1Attempt1.events.get(0))).containsExactly("a");
        assertThat(gateway1.events).hasSize(2);
    }

    @Test
    void eventsForAReaderRegisteredBeforeItsAttemptIsReadyAreQueuedInOrder() throws Exception {
        context.run(() -> {
            coordinator.handleEventFromOperator(0, 0, new ReaderRegistrationEvent(0, "host-0"));
            coordinator.handleEventFromOperator(0, 0, new RequestSplitEvent("host-0"));
            source.enumerator.context.signalNoMoreSplits(0);
        });
        assertThat(gateway0.events).isEmpty();
        context.run(() -> coordinator.subtaskReady(0, 0, gateway0));
        assertThat(gateway0.events).hasSize(2);
        assertThat(splitIds(gateway0.events.get(0))).containsExactly("a");
        assertThat(gateway0.events.get(1)).isEqualTo(NoMoreSplitsEvent.INSTANCE);
    }

    @Test
    void assigningToAnUnregisteredReaderFailsNamingSourceAndSubtask() throws Exception {
        readyAndRegister(0, 0, gateway0);
        assertThatThrownBy(() ->
                        context.run(() -> source.enumerator.context.assignSplit(new RecordingSource.Split("x"), 1)))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause()
                .hasMessage("The split enumerator of source 'numbers' (operator " + new OperatorID(1, 2)
                        + ") tried to assign splits to subtask 1, whose reader is not registered (registered: [0])."
                        + " Enumerators may only address readers that registered (addReader) and have not failed.");
        assertThat(gateway0.events).isEmpty();
    }

    @Test
    void sourceEventsTravelBothWays() throws Exception {
        readyAndRegister(0, 0, gateway0);
        context.run(() -> coordinator.handleEventFromOperator(
                0, 0, new SourceEventWrapper(new RecordingSource.Ping("hi from reader"))));
        assertThat(source.log).endsWith("sourceEvent 0 Ping[text=hi from reader]");

        context.run(() -> source.enumerator.context.sendEventToSourceReader(0, new RecordingSource.Ping("hi reader")));
        assertThat(gateway0.events).containsExactly(new SourceEventWrapper(new RecordingSource.Ping("hi reader")));
    }

    @Test
    void callAsyncRunsCallableOnWorkerAndHandlerOnCoordinatorThread() throws Exception {
        CompletableFuture<String> callableThread = new CompletableFuture<>();
        CompletableFuture<String> handled = new CompletableFuture<>();
        context.run(() -> source.enumerator.context.callAsync(
                () -> {
                    callableThread.complete(Thread.currentThread().getName());
                    return 42;
                },
                (value, failure) -> handled.complete(
                        value + " " + failure + " on " + Thread.currentThread().getName())));
        assertThat(handled.get(10, TimeUnit.SECONDS))
                .isEqualTo("42 null on " + FakeCoordinatorContext.COORDINATOR_THREAD);
        assertThat(callableThread.get()).isEqualTo("source-coordinator-worker numbers #1");
    }

    @Test
    void callAsyncFailureReachesHandler_andThrowingHandlerFailsTheJob() throws Exception {
        CompletableFuture<Throwable> seenFailure = new CompletableFuture<>();
        IllegalStateException listingFailed = new IllegalStateException("listing failed");
        context.run(() -> source.enumerator.context.<Integer>callAsync(
                () -> {
                    throw listingFailed;
                },
                (value, failure) -> {
                    seenFailure.complete(failure);
                    throw new IllegalArgumentException("handler bug");
                }));
        assertThat(seenFailure.get(10, TimeUnit.SECONDS)).isSameAs(listingFailed);
        Throwable jobFailure = context.jobFailure.get(10, TimeUnit.SECONDS);
        assertThat(jobFailure)
                .hasMessage("An action of the split enumerator of source 'numbers' (operator " + new OperatorID(1, 2)
                        + ") failed: java.lang.IllegalArgumentException: handler bug")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodicCallAsyncRepeats() throws Exception {
        java.util.concurrent.CountDownLatch threeRuns = new java.util.concurrent.CountDownLatch(3);
        context.run(
                () -> source.enumerator.context.callAsync(() -> 1, (value, failure) -> threeRuns.countDown(), 0, 10));
        assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closeClosesTheEnumeratorOnce() throws Exception {
        context.run(coordinator::close);
        context.run(coordinator::close);
        assertThat(source.log).containsExactly("start", "close");
    }

    @Test
    void eventsBeforeStartAreRejected() throws Exception {
        OperatorCoordinator fresh =
                new SourceCoordinatorProvider<>(new OperatorID(1, 2), "numbers", new RecordingSource()).create(context);
        assertThatThrownBy(() -> fresh.handleEventFromOperator(0, 0, new RequestSplitEvent("h")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("while CREATED; it must be started first");
    }
}
