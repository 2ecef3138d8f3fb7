package io.sluice.runtime.rest.handler;

import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.JobID;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.execution.ExecutionOptions;
import io.sluice.api.execution.Pipeline;
import io.sluice.api.execution.PipelineExecutor;
import io.sluice.runtime.blob.BlobKey;
import io.sluice.runtime.client.StreamGraphTranslator;
import io.sluice.runtime.dispatcher.DispatcherGateway;
import io.sluice.runtime.execution.UserCodeExitGuard;
import io.sluice.runtime.execution.librarycache.ChildFirstClassLoader;
import io.sluice.runtime.execution.librarycache.LibraryCacheManager;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.SavepointRestoreSettings;
import io.sluice.runtime.minicluster.MiniClusterJobClient;
import io.sluice.runtime.rest.RestHandlerException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a stored jar's {@code main} against a Dispatcher: the program's {@code
 * StreamExecutionEnvironment.getExecutionEnvironment()} is a context environment whose {@code
 * execute()} submits the job to the Dispatcher (with the jar's blob key, so TaskExecutors load the
 * user code with the job's own class loader).
 *
 * <ul>
 *   <li>{@link Mode#DETACHED} ({@code POST /jars/:jarid/run}): {@code execute()} returns as soon as
 *       the Dispatcher accepted the job; the id of the first job the program submitted is the answer.
 *   <li>{@link Mode#ATTACHED} (application mode): {@code execute()} waits for the job's result and
 *       throws if the job failed or was cancelled, as in an embedded cluster; {@code executeAsync()}
 *       returns at once. The caller gets every submitted job's id and waits for the ones still running.
 * </ul>
 *
 * <p>Failures of the program itself (entry class missing, {@code main} threw, no job submitted) are
 * {@link RestHandlerException}s with status 400 and a message meant for the user.
 *
 * <p>{@code main} runs with a fresh {@link ChildFirstClassLoader} over the jar, closed when it
 * returns (the tasks get their own loader from the TaskExecutor's {@link LibraryCacheManager}).
 *
 * <p>Threading: {@link #run} blocks while {@code main} runs; call it off the REST threads. Runs of
 * different jars may overlap (the context environment is per thread).
 */
public final class JarProgramRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JarProgramRunner.class);

    /** Whether the program's {@code execute()} waits for the job's result. */
    public enum Mode {
        DETACHED,
        ATTACHED
    }

    private final DispatcherGateway dispatcher;
    private final Mode mode;
    private final int clusterParallelism;

    /**
     * A detached runner, as {@code POST /jars/:jarid/run} uses. {@code clusterParallelism}: the
     * cluster's {@code parallelism.default}, the programs' default when a run names none.
     */
    JarProgramRunner(DispatcherGateway dispatcher, int clusterParallelism) {
        this(dispatcher, Mode.DETACHED, clusterParallelism);
    }

    public JarProgramRunner(DispatcherGateway dispatcher, Mode mode, int clusterParallelism) {
        this.dispatcher = dispatcher;
        this.mode = mode;
        this.clusterParallelism = clusterParallelism;
    }

    /**
     * The cluster's default parallelism for programs: {@code parallelism.default}, or 1 when it is
     * unset (-1, which means "the CPU cores" only for local execution; a cluster's jobs must fit
     * its slots, and Flink's default there is 1 too).
     */
    public static int clusterParallelism(Configuration clusterConfiguration) {
        int configured = clusterConfiguration.get(ExecutionOptions.DEFAULT_PARALLELISM);
        return configured > 0 ? configured : 1;
    }

    /**
     * Runs {@code entryClass.main(args)}; returns the id of the first job it submitted. Every job it
     * submits starts from {@code restore}.
     */
    JobID run(
            Path jar,
            BlobKey key,
            String jarName,
            String entryClass,
            List<String> args,
            Integer parallelism,
            SavepointRestoreSettings restore) {
        return runProgram(jar, key, jarName, entryClass, args, parallelism, restore)
                .get(0);
    }

    /** {@link #runProgram(Path, BlobKey, String, String, List, Integer, SavepointRestoreSettings)} starting empty. */
    public List<JobID> runProgram(
            Path jar, BlobKey key, String jarName, String entryClass, List<String> args, Integer parallelism) {
        return runProgram(jar, key, jarName, entryClass, args, parallelism, SavepointRestoreSettings.none());
    }

    /**
     * Runs {@code entryClass.main(args)} with the jar stored under {@code key} at {@code jar}; returns
     * the ids of the jobs it submitted, in order (at least one). {@code parallelism} (nullable) is the
     * program's default parallelism. Blocks while {@code main} runs (in attached mode, also while its
     * {@code execute()} calls wait for their jobs). {@code restore} goes into the program's
     * configuration ({@code execution.state-recovery.*}), so its jobs' JobGraphs carry it.
     */
    public List<JobID> runProgram(
            Path jar,
            BlobKey key,
            String jarName,
            String entryClass,
            List<String> args,
            Integer parallelism,
            SavepointRestoreSettings restore) {
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Cannot form a URL for the stored jar " + jarName, e);
        }
        ChildFirstClassLoader loader = new ChildFirstClassLoader(
                new URL[] {url},
                JarProgramRunner.class.getClassLoader(),
                LibraryCacheManager.DEFAULT_PARENT_FIRST_PATTERNS);
        try {
            Method main = findMain(loader, jarName, entryClass);
            List<JobID> submitted = new ArrayList<>();
            Configuration conf = new Configuration();
            conf.set(ExecutionOptions.DEFAULT_PARALLELISM, parallelism != null ? parallelism : clusterParallelism);
            restore.toConfiguration(conf);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            StreamExecutionEnvironment.initializeThreadContextEnvironment(
                    () -> new DispatcherEnvironment(conf, loader, key, submitted));
            thread.setContextClassLoader(loader);
            try (UserCodeExitGuard.Scope ignored = UserCodeExitGuard.enter(entryClass + ".main()")) {
                main.invoke(null, (Object) args.toArray(String[]::new));
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                LOG.info("The main() of {} in jar {} failed", entryClass, jarName, cause);
                throw new RestHandlerException(
                        400, "Could not execute application: " + entryClass + ".main() threw " + cause, cause);
            } catch (ExceptionInInitializerError e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new RestHandlerException(
                        400,
                        "Could not execute application: the static initializer of " + entryClass + " threw " + cause,
                        cause);
            } catch (IllegalAccessException e) {
                throw new RestHandlerException(
                        400, "The main() method of '" + entryClass + "' is not accessible: " + e.getMessage());
            } finally {
                thread.setContextClassLoader(previous);
                StreamExecutionEnvironment.resetContextEnvironment();
            }
            synchronized (submitted) {
                if (submitted.isEmpty()) {
                    throw new RestHandlerException(
                            400,
                            "The main() of '" + entryClass + "' returned without submitting a job"
                                    + " (did it call execute() or executeAsync()?)");
                }
                return List.copyOf(submitted);
            }
        } finally {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.warn("Could not close the class loader of jar {}: {}", jarName, e.toString());
            }
        }
    }

    private static Method findMain(ClassLoader loader, String jarName, String className) {
        Class<?> cls;
        try {
            cls = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new RestHandlerException(
                    400, "Entry class '" + className + "' was not found in jar '" + jarName + "'");
        } catch (LinkageError e) {
            throw new RestHandlerException(
                    400, "Entry class '" + className + "' in jar '" + jarName + "' cannot be loaded: " + e);
        }
        Method main;
        try {
            main = cls.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            main = null;
        }
        if (main == null || !Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
            throw new RestHandlerException(
                    400, "Entry class '" + className + "' has no 'public static void main(String[])' method");
        }
        return main;
    }

    /**
     * Submits to the Dispatcher; detached, {@code execute()} returns once the job was accepted,
     * attached it waits for the job's result.
     */
    private final class DispatcherEnvironment extends StreamExecutionEnvironment {
        private final ClassLoader loader;
        private final BlobKey key;
        private final List<JobID> submitted;

        DispatcherEnvironment(Configuration conf, ClassLoader loader, BlobKey key, List<JobID> submitted) {
            super(new Configuration(conf));
            this.loader = loader;
            this.key = key;
            this.submitted = submitted;
            setUserCodeClassLoader(loader);
        }

        @Override
        public JobExecutionResult execute(String jobName) throws Exception {
            if (mode == Mode.ATTACHED) {
                return super.execute(jobName);
            }
            JobClient client = executeAsync(jobName);
            return new JobExecutionResult(client.getJobID(), 0, Map.of());
        }

        @Override
        protected PipelineExecutor executor() {
            return new PipelineExecutor() {
                @Override
                public CompletableFuture<JobClient> execute(Pipeline pipeline, ClassLoader userCodeClassLoader) {
                    JobGraph jobGraph = StreamGraphTranslator.toJobGraph(pipeline);
                    jobGraph.getUserJarBlobKeys().add(key.hex());
                    return dispatcher.submitJob(jobGraph).thenApply(ignored -> {
                        synchronized (submitted) {
                            submitted.add(jobGraph.getJobId());
                        }
                        return new MiniClusterJobClient(jobGraph.getJobId(), dispatcher, loader);
                    });
                }

                @Override
                public String getExecutionPlan(Pipeline pipeline) {
                    return StreamGraphTranslator.toJsonPlan(pipeline);
                }
            };
        }
    }
}
