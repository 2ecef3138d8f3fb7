package io.sluice.api.environment;

import io.sluice.api.common.CheckpointingMode;
import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.ResultTypeQueryable;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.lib.FromElementsSource;
import io.sluice.api.connector.source.lib.NumberSequenceSource;
import io.sluice.api.connector.source.lib.SocketTextSource;
import io.sluice.api.dag.SourceTransformation;
import io.sluice.api.dag.Transformation;
import io.sluice.api.datastream.DataStreamSource;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.execution.ExecutionOptions;
import io.sluice.api.execution.Pipeline;
import io.sluice.api.execution.PipelineExecutor;
import io.sluice.api.execution.PipelineExecutorFactory;
import io.sluice.api.typeinfo.InvalidTypesException;
import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeinfo.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The entry point of a streaming program: creates sources, holds the job-wide settings, and runs
 * the job with {@link #execute()}.
 *
 * <p>{@link #getExecutionEnvironment()} gives an embedded cluster in this JVM, unless the program
 * was started by {@code bin/sluice run} against a cluster, which installs a context environment.
 * An environment is used by the program's thread only.
 */
public class StreamExecutionEnvironment {
    /** Job name used when none is given. */
    public static final String DEFAULT_JOB_NAME = "Sluice Streaming Job";

    private static volatile Supplier<StreamExecutionEnvironment> contextEnvironmentFactory;
    private static final ThreadLocal<Supplier<StreamExecutionEnvironment>> THREAD_CONTEXT_FACTORY = new ThreadLocal<>();

    private final ExecutionConfig config = new ExecutionConfig();
    private final Configuration configuration;
    private final List<Transformation<?>> sinks = new ArrayList<>();
    private int parallelism;
    private long bufferTimeout;
    private boolean chainingEnabled = true;
    private ClassLoader userClassLoader;

    protected StreamExecutionEnvironment(Configuration configuration) {
        this.configuration = new Configuration(configuration);
        int p = this.configuration.get(ExecutionOptions.DEFAULT_PARALLELISM);
        this.parallelism = p > 0 ? p : Runtime.getRuntime().availableProcessors();
        this.bufferTimeout =
                this.configuration.get(ExecutionOptions.BUFFER_TIMEOUT).toMillis();
        this.userClassLoader = Thread.currentThread().getContextClassLoader();
        if (userClassLoader == null) {
            userClassLoader = StreamExecutionEnvironment.class.getClassLoader();
        }
    }

    // ------------------------------------------------------------------ creation

    /** The context environment if a launcher installed one, else a local (embedded) environment. */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        return getExecutionEnvironment(new Configuration());
    }

    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        Supplier<StreamExecutionEnvironment> factory = THREAD_CONTEXT_FACTORY.get();
        if (factory == null) {
            factory = contextEnvironmentFactory;
        }
        if (factory != null) {
            StreamExecutionEnvironment env = factory.get();
            env.configuration.addAll(configuration);
            return env;
        }
        return createLocalEnvironment(configuration);
    }

    /** An embedded cluster in this JVM with parallelism = number of cores. */
    public static StreamExecutionEnvironment createLocalEnvironment() {
        return createLocalEnvironment(new Configuration());
    }

    public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
        StreamExecutionEnvironment env = createLocalEnvironment(new Configuration());
        env.setParallelism(parallelism);
        return env;
    }

    public static StreamExecutionEnvironment createLocalEnvironment(Configuration configuration) {
        Configuration c = new Configuration(configuration);
        c.set(ExecutionOptions.TARGET, "local");
        return new StreamExecutionEnvironment(c);
    }

    /**
     * Creates an environment with the given configuration (its {@code execution.target} decides
     * where jobs run). For launchers and tests.
     */
    public static StreamExecutionEnvironment create(Configuration configuration) {
        return new StreamExecutionEnvironment(configuration);
    }

    /** Installs the factory {@link #getExecutionEnvironment()} uses (for launchers such as the CLI). */
    public static void initializeContextEnvironment(Supplier<StreamExecutionEnvironment> factory) {
        contextEnvironmentFactory = factory;
    }

    /** Installs a factory for the current thread only; it wins over the global one. */
    public static void initializeThreadContextEnvironment(Supplier<StreamExecutionEnvironment> factory) {
        THREAD_CONTEXT_FACTORY.set(factory);
    }

    public static void resetContextEnvironment() {
        contextEnvironmentFactory = null;
        THREAD_CONTEXT_FACTORY.remove();
    }

    // ------------------------------------------------------------------ settings

    /**
     * Takes a checkpoint every {@code interval} milliseconds, exactly-once: after a failure the job
     * restarts from the latest completed checkpoint.
     */
    public StreamExecutionEnvironment enableCheckpointing(long interval) {
        return enableCheckpointing(interval, CheckpointingMode.EXACTLY_ONCE);
    }

    public StreamExecutionEnvironment enableCheckpointing(long interval, CheckpointingMode mode) {
        CheckpointConfig checkpointConfig = getCheckpointConfig();
        checkpointConfig.setCheckpointInterval(interval);
        checkpointConfig.setCheckpointingConsistencyMode(mode);
        return this;
    }

    /** The job's checkpoint settings (a view of this environment's configuration). */
    public CheckpointConfig getCheckpointConfig() {
        return new CheckpointConfig(configuration);
    }

    /** The checkpoint interval in milliseconds; -1 when checkpointing is disabled. */
    public long getCheckpointInterval() {
        return getCheckpointConfig().getCheckpointInterval();
    }

    public CheckpointingMode getCheckpointingConsistencyMode() {
        return getCheckpointConfig().getCheckpointingConsistencyMode();
    }

    public ExecutionConfig getConfig() {
        return config;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    /** Default parallelism of the operators that do not set their own. */
    public StreamExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
        return this;
    }

    public int getParallelism() {
        return parallelism;
    }

    /** Upper bound of rescaling, and the number of key groups (default 128). */
    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        config.setMaxParallelism(maxParallelism);
        return this;
    }

    public int getMaxParallelism() {
        return config.getMaxParallelism();
    }

    /**
     * How long a partly filled network buffer may wait before it is sent: 0 sends after every
     * record (lowest latency), -1 only when full (highest throughput). Default 100 ms.
     */
    public StreamExecutionEnvironment setBufferTimeout(long timeoutMillis) {
        if (timeoutMillis < -1) {
            throw new IllegalArgumentException("The buffer timeout must be -1, 0 or positive, was " + timeoutMillis);
        }
        this.bufferTimeout = timeoutMillis;
        return this;
    }

    public long getBufferTimeout() {
        return bufferTimeout;
    }

    /** Runs every operator as its own task (no chaining): slower, sometimes useful for debugging. */
    public StreamExecutionEnvironment disableOperatorChaining() {
        this.chainingEnabled = false;
        return this;
    }

    public boolean isChainingEnabled() {
        return chainingEnabled;
    }

    /** The class loader user code is loaded with (set by launchers that load a job jar). */
    public void setUserCodeClassLoader(ClassLoader loader) {
        this.userClassLoader = loader;
    }

    public ClassLoader getUserCodeClassLoader() {
        return userClassLoader;
    }

    // ------------------------------------------------------------------ sources

    /** A bounded stream of the given elements, in order (parallelism 1). */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromData(T... data) {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException(
                    "fromData needs at least one element; use fromData(TypeInformation, ...) for an empty stream.");
        }
        return fromData(Arrays.asList(data), typeOfElements(Arrays.asList(data)));
    }

    @SafeVarargs
    public final <T> DataStreamSource<T> fromData(TypeInformation<T> typeInfo, T... data) {
        return fromData(Arrays.asList(data), typeInfo);
    }

    public <T> DataStreamSource<T> fromData(Collection<T> data) {
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException(
                    "fromData needs at least one element; use fromData(collection, typeInfo) for an empty stream.");
        }
        return fromData(data, typeOfElements(data));
    }

    public <T> DataStreamSource<T> fromData(Collection<T> data, TypeInformation<T> typeInfo) {
        for (T t : data) {
            if (t == null) {
                throw new IllegalArgumentException("fromData does not accept null elements.");
            }
        }
        FromElementsSource<T> source = new FromElementsSource<>(typeInfo.createSerializer(config), data);
        DataStreamSource<T> stream =
                fromSource(source, WatermarkStrategy.noWatermarks(), "Collection Source", typeInfo);
        stream.setParallelism(1);
        return stream;
    }

    /** As {@link #fromData(Collection)}. */
    public <T> DataStreamSource<T> fromCollection(Collection<T> data) {
        return fromData(data);
    }

    public <T> DataStreamSource<T> fromCollection(Collection<T> data, TypeInformation<T> typeInfo) {
        return fromData(data, typeInfo);
    }

    /** The numbers {@code from..to} inclusive, split over the parallel readers. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException(
                    "fromSequence: 'from' (" + from + ") must not be greater than 'to' (" + to + ")");
        }
        return fromSource(
                new NumberSequenceSource(from, to), WatermarkStrategy.noWatermarks(), "Sequence Source", Types.LONG);
    }

    /** Lines of text read from a TCP server; ends when the server closes the connection. */
    public DataStreamSource<String> socketTextStream(String hostname, int port) {
        return socketTextStream(hostname, port, "\n");
    }

    public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter) {
        DataStreamSource<String> s = fromSource(
                new SocketTextSource(hostname, port, delimiter),
                WatermarkStrategy.noWatermarks(),
                "Socket Stream",
                Types.STRING);
        s.setParallelism(1);
        return s;
    }

    public <T> DataStreamSource<T> fromSource(
            Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy, String sourceName) {
        return fromSource(source, watermarkStrategy, sourceName, null);
    }

    @SuppressWarnings("unchecked")
    public <T> DataStreamSource<T> fromSource(
            Source<T, ?, ?> source,
            WatermarkStrategy<T> watermarkStrategy,
            String sourceName,
            TypeInformation<T> typeInfo) {
        if (source == null || watermarkStrategy == null) {
            throw new IllegalArgumentException(
                    "fromSource needs a source and a watermark strategy (e.g. WatermarkStrategy.noWatermarks())");
        }
        TypeInformation<T> type = typeInfo;
        if (type == null && source instanceof ResultTypeQueryable<?> q) {
            type = (TypeInformation<T>) q.getProducedType();
        }
        if (type == null) {
            type = TypeExtractor.createTypeInfoFromSubclass(source.getClass(), Source.class, 0);
        }
        SourceTransformation<T> t =
                new SourceTransformation<>(sourceName, source, watermarkStrategy, type, parallelism);
        return new DataStreamSource<>(this, t);
    }

    private <T> TypeInformation<T> typeOfElements(Collection<T> data) {
        T first = data.iterator().next();
        try {
            return TypeExtractor.getForObject(first);
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException(
                    "Could not determine the type of the elements of fromData: " + e.getMessage()
                            + " Pass the type explicitly: fromData(typeInfo, elements...).",
                    e);
        }
    }

    // ------------------------------------------------------------------ execution

    /** Called by the API when a sink is added; every transformation reachable from it runs. */
    public void addSink(Transformation<?> sink) {
        sinks.add(sink);
    }

    /** The sinks added so far (the program). */
    public List<Transformation<?>> getSinks() {
        return List.copyOf(sinks);
    }

    public JobExecutionResult execute() throws Exception {
        return execute(DEFAULT_JOB_NAME);
    }

    /**
     * Runs the job and waits for its end. Throws {@link JobExecutionException} when it fails (the
     * cause is the user's exception) or is cancelled.
     */
    public JobExecutionResult execute(String jobName) throws Exception {
        JobClient client = executeAsync(jobName);
        try {
            return client.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        } catch (InterruptedException e) {
            client.cancel();
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    public JobClient executeAsync() throws Exception {
        return executeAsync(DEFAULT_JOB_NAME);
    }

    /** Submits the job and returns as soon as the cluster accepted it. */
    public JobClient executeAsync(String jobName) throws Exception {
        Pipeline pipeline = takePipeline(jobName);
        CompletableFuture<JobClient> submitted = executor().execute(pipeline, userClassLoader);
        try {
            return submitted.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** The JSON plan of the program so far (operators, parallelism, partitioning), without running it. */
    public String getExecutionPlan() {
        return executor().getExecutionPlan(pipeline(DEFAULT_JOB_NAME));
    }

    private Pipeline takePipeline(String jobName) {
        Pipeline p = pipeline(jobName);
        sinks.clear();
        return p;
    }

    private Pipeline pipeline(String jobName) {
        if (sinks.isEmpty()) {
            throw new IllegalStateException(
                    "No operators defined in the streaming program: add a sink (sinkTo, print, executeAndCollect) before execute().");
        }
        return new Pipeline(
                jobName, List.copyOf(sinks), config, new Configuration(configuration), bufferTimeout, chainingEnabled);
    }

    /**
     * The executor that runs this environment's jobs: by default the one registered (through
     * {@link ServiceLoader}) for {@code execution.target}. Test environments override it to submit
     * to a cluster they share between jobs.
     */
    protected PipelineExecutor executor() {
        String target = configuration.get(ExecutionOptions.TARGET);
        List<String> found = new ArrayList<>();
        for (PipelineExecutorFactory f :
                ServiceLoader.load(PipelineExecutorFactory.class, StreamExecutionEnvironment.class.getClassLoader())) {
            if (f.getName().equals(target)) {
                return f.getExecutor(configuration);
            }
            found.add(f.getName());
        }
        throw new IllegalStateException("No executor for execution.target '" + target + "' (available: " + found
                + "). Is sluice-runtime on the class path?");
    }
}
