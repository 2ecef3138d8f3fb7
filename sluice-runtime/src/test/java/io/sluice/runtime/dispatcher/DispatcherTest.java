package io.sluice.runtime.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobID;
import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import io.sluice.runtime.jobgraph.JobVertexID;
import io.sluice.runtime.resourcemanager.ResourceManager;
import io.sluice.runtime.rpc.LocalRpcService;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Dispatcher on its own, with a ResourceManager that has no TaskManagers. */
class DispatcherTest {
    private final LocalRpcService rpc = new LocalRpcService();
    private ResourceManager resourceManager;
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp() {
        resourceManager = new ResourceManager("rm", rpc);
        rpc.register("rm", resourceManager);
        dispatcher =
                new Dispatcher("dispatcher", new DispatcherServices(rpc, "rm", new Configuration(), Clock.systemUTC()));
    }

    @AfterEach
    void tearDown() throws Exception {
        dispatcher.closeAsync().get(10, TimeUnit.SECONDS);
        dispatcher.shutdownNow(Duration.ofSeconds(1));
        resourceManager.close();
    }

    private static JobGraph job(String name, int vertices) {
        JobGraph g = new JobGraph(JobID.generate(), name, new ExecutionConfig());
        for (int i = 0; i < vertices; i++) {
            g.addVertex(new JobVertex(new JobVertexID(), "V" + i, 1, 128, "default", new byte[0], false));
        }
        return g;
    }

    @Test
    void whenJobIdIsUnknown_thenStatusCancelAndResultFailNamingTheId() {
        JobID unknown = new JobID(0xab, 0xcd);
        String message = "No job with id 00000000000000ab00000000000000cd was submitted to this cluster;"
                + " list the jobs to see the known ids";

        for (var call : java.util.List.<java.util.concurrent.Callable<?>>of(
                () -> dispatcher.cancelJob(unknown).get(10, TimeUnit.SECONDS),
                () -> dispatcher.requestJobStatus(unknown).get(10, TimeUnit.SECONDS),
                () -> dispatcher.requestJobResult(unknown).get(10, TimeUnit.SECONDS))) {
            assertThatThrownBy(call::call)
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(JobNotFoundException.class)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
        }
    }

    @Test
    void whenJobIdIsSubmittedTwice_thenSecondSubmissionIsRejected() throws Exception {
        JobGraph g = job("twice", 1);
        dispatcher.submitJob(g).get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> dispatcher.submitJob(g).get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Job 'twice' (" + g.getJobId()
                        + ") was already submitted to this cluster; submit it with a new job id");
        assertThat(dispatcher.listJobs().get(10, TimeUnit.SECONDS)).hasSize(1);
    }

    @Test
    void whenJobGraphIsEmpty_thenSubmissionIsRejected() throws Exception {
        JobGraph g = job("empty", 0);

        assertThatThrownBy(() -> dispatcher.submitJob(g).get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Job 'empty' (" + g.getJobId()
                        + ") has no vertices; add at least one source and sink before executing it");
        assertThat(dispatcher.listJobs().get(10, TimeUnit.SECONDS)).isEmpty();
    }
}
