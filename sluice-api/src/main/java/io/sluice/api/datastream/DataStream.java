package io.sluice.api.datastream;

import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.lib.CollectResultIterator;
import io.sluice.api.connector.sink.lib.PrintSink;
import io.sluice.api.dag.OneInputTransformation;
import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.dag.PartitionTransformation;
import io.sluice.api.dag.PartitionTransformation.Kind;
import io.sluice.api.dag.PartitionTransformation.Partitioning;
import io.sluice.api.dag.SinkTransformation;
import io.sluice.api.dag.Transformation;
import io.sluice.api.dag.UnionTransformation;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.FilterFunction;
import io.sluice.api.functions.FlatMapFunction;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.Partitioner;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.util.CloseableIterator;
import io.sluice.api.windowing.assigners.GlobalWindows;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.CountEvictor;
import io.sluice.api.windowing.triggers.CountTrigger;
import io.sluice.api.windowing.triggers.PurgingTrigger;
import io.sluice.api.windowing.windows.GlobalWindow;
import io.sluice.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A stream of elements of one type, and the operations that make new streams from it. Nothing
 * runs until the environment's {@code execute()}: each call records a transformation.
 */
public class DataStream<T> {
    protected final StreamExecutionEnvironment environment;
    protected final Transformation<T> transformation;

    public DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        this.environment = environment;
        this.transformation = transformation;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public Transformation<T> getTransformation() {
        return transformation;
    }

    public int getId() {
        return transformation.getId();
    }

    public int getParallelism() {
        return transformation.getParallelism();
    }

    public TypeInformation<T> getType() {
        return transformation.getOutputType();
    }

    // ------------------------------------------------------------------ one-input operators

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        return map(mapper, TypeExtractor.getOutputType(mapper, MapFunction.class, 1, inTypes(), "Map"));
    }

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper, TypeInformation<R> outputType) {
        return transform("Map", outputType, new OperatorSpec.MapSpec(requireFunction(mapper, "map")));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        return flatMap(
                flatMapper, TypeExtractor.getOutputType(flatMapper, FlatMapFunction.class, 1, inTypes(), "Flat Map"));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper, TypeInformation<R> outputType) {
        return transform("Flat Map", outputType, new OperatorSpec.FlatMapSpec(requireFunction(flatMapper, "flatMap")));
    }

    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        OneInputTransformation<T, T> t = OneInputTransformation.sameType(
                transformation,
                "Filter",
                new OperatorSpec.FilterSpec(requireFunction(filter, "filter")),
                environment.getParallelism());
        configureKeyed(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /**
     * Assigns event timestamps and generates watermarks with {@code watermarkStrategy}, replacing
     * the timestamps and watermarks the stream had (only the final watermark of a bounded input
     * passes). Runs with the parallelism of this stream and chains to it. Prefer a strategy on the
     * source ({@code fromSource}), which tracks watermarks per split.
     */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> watermarkStrategy) {
        if (watermarkStrategy == null) {
            throw new NullPointerException("assignTimestampsAndWatermarks: the watermark strategy must not be null");
        }
        OneInputTransformation<T, T> t = OneInputTransformation.sameType(
                transformation,
                "Timestamps/Watermarks",
                new OperatorSpec.TimestampsAndWatermarksSpec(watermarkStrategy),
                transformation.getParallelism());
        return new SingleOutputStreamOperator<>(environment, t);
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction) {
        return process(
                processFunction,
                TypeExtractor.getOutputType(processFunction, ProcessFunction.class, 1, inTypes(), "Process"));
    }

    public <R> SingleOutputStreamOperator<R> process(
            ProcessFunction<T, R> processFunction, TypeInformation<R> outputType) {
        return transform(
                "Process", outputType, new OperatorSpec.ProcessSpec(requireFunction(processFunction, "process")));
    }

    /** Adds a one-input operator; used by the methods above and by KeyedStream. */
    protected <R> SingleOutputStreamOperator<R> transform(
            String name, TypeInformation<R> outputType, OperatorSpec spec) {
        OneInputTransformation<T, R> t =
                new OneInputTransformation<>(transformation, name, spec, outputType, environment.getParallelism());
        configureKeyed(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /** Keyed streams mark their operators keyed; a plain stream does nothing. */
    protected void configureKeyed(OneInputTransformation<T, ?> t) {}

    protected TypeInformation<?>[] inTypes() {
        return new TypeInformation<?>[] {getType()};
    }

    static <F> F requireFunction(F function, String method) {
        if (function == null) {
            throw new NullPointerException(method + "(...) needs a function, got null");
        }
        return function;
    }

    // ------------------------------------------------------------------ partitioning

    /** Partitions by key: every element with the same key goes to the same subtask. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
        return new KeyedStream<>(this, requireFunction(key, "keyBy"));
    }

    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key, TypeInformation<K> keyType) {
        return new KeyedStream<>(this, requireFunction(key, "keyBy"), keyType);
    }

    // ------------------------------------------------------------------ windows over the whole stream

    /** Windows over all elements, evaluated in one subtask (parallelism 1); see {@link AllWindowedStream}. */
    public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, assigner);
    }

    /** Windows of {@code size} elements, fired and purged when full. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size) {
        return windowAll(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** The last {@code size} elements, evaluated every {@code slide} elements. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size, long slide) {
        return windowAll(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
    }

    /** Round robin over all downstream subtasks. */
    public DataStream<T> rebalance() {
        return partition(Partitioning.of(Kind.REBALANCE));
    }

    /** Round robin over a subset of downstream subtasks (local groups), cheaper than rebalance. */
    public DataStream<T> rescale() {
        return partition(Partitioning.of(Kind.RESCALE));
    }

    /** Uniformly random distribution. */
    public DataStream<T> shuffle() {
        return partition(Partitioning.of(Kind.SHUFFLE));
    }

    /** Subtask i to subtask i; needs equal parallelism. */
    public DataStream<T> forward() {
        return partition(Partitioning.of(Kind.FORWARD));
    }

    /** Everything to the first downstream subtask. */
    public DataStream<T> global() {
        return partition(Partitioning.of(Kind.GLOBAL));
    }

    /** Every element to every downstream subtask. */
    public DataStream<T> broadcast() {
        return partition(Partitioning.of(Kind.BROADCAST));
    }

    /**
     * Every element to every downstream subtask, as a {@link BroadcastStream} that carries the
     * broadcast states the operator it is connected to keeps ({@link #connect(BroadcastStream)}).
     */
    public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        Objects.requireNonNull(broadcastStateDescriptors, "broadcast needs state descriptors");
        for (MapStateDescriptor<?, ?> d : broadcastStateDescriptors) {
            Objects.requireNonNull(d, "A broadcast state descriptor is null");
        }
        return new BroadcastStream<>(environment, broadcast(), List.of(broadcastStateDescriptors));
    }

    /** The partitioner chooses the subtask from the key the selector extracts. */
    public <K> DataStream<T> partitionCustom(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        return partition(new Partitioning(
                Kind.CUSTOM,
                requireFunction(keySelector, "partitionCustom"),
                requireFunction(partitioner, "partitionCustom")));
    }

    protected DataStream<T> partition(Partitioning partitioning) {
        return new DataStream<>(environment, new PartitionTransformation<>(transformation, partitioning));
    }

    // ------------------------------------------------------------------ combining

    /** Merges streams of the same type. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... streams) {
        List<Transformation<T>> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> s : streams) {
            if (s.getType() != null && getType() != null && !s.getType().equals(getType())) {
                throw new IllegalArgumentException(
                        "Cannot union streams of different types: " + getType() + " and " + s.getType());
            }
            inputs.add(s.getTransformation());
        }
        return new DataStream<>(environment, new UnionTransformation<>(inputs));
    }

    /** Connects two streams of possibly different types for a co-operator. */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
        return new ConnectedStreams<>(environment, this, other);
    }

    /**
     * Connects this stream (keyed or not) with a broadcast stream, for a {@code
     * BroadcastProcessFunction} or a {@code KeyedBroadcastProcessFunction}.
     */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
        Objects.requireNonNull(broadcastStream, "connect needs a broadcast stream");
        return new BroadcastConnectedStream<>(
                environment, this, broadcastStream, broadcastStream.getBroadcastStateDescriptors());
    }

    /**
     * Joins this stream with another per key and window: {@code
     * join(other).where(k1).equalTo(k2).window(assigner).apply(joinFunction)}; see {@link JoinedStreams}.
     */
    public <T2> JoinedStreams<T, T2> join(DataStream<T2> otherStream) {
        return new JoinedStreams<>(this, Objects.requireNonNull(otherStream, "join needs a stream"));
    }

    /**
     * Groups this stream and another together per key and window: {@code
     * coGroup(other).where(k1).equalTo(k2).window(assigner).apply(coGroupFunction)}; see {@link
     * CoGroupedStreams}.
     */
    public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> otherStream) {
        return new CoGroupedStreams<>(this, Objects.requireNonNull(otherStream, "coGroup needs a stream"));
    }

    // ------------------------------------------------------------------ sinks

    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        return sinkTo(sink, "Sink: " + sink.getClass().getSimpleName());
    }

    DataStreamSink<T> sinkTo(Sink<T> sink, String name) {
        SinkTransformation<T> t = new SinkTransformation<>(
                transformation, name, requireFunction(sink, "sinkTo"), environment.getParallelism());
        environment.addSink(t);
        return new DataStreamSink<>(t);
    }

    /** Prints each element's {@code toString()} to standard out, prefixed "n> " by subtask when parallel. */
    public DataStreamSink<T> print() {
        return sinkTo(new PrintSink<>(), "Print to Std. Out");
    }

    public DataStreamSink<T> print(String sinkIdentifier) {
        return sinkTo(new PrintSink<>(sinkIdentifier, false), "Print to Std. Out");
    }

    public DataStreamSink<T> printToErr() {
        return sinkTo(new PrintSink<>(true), "Print to Std. Err");
    }

    public DataStreamSink<T> printToErr(String sinkIdentifier) {
        return sinkTo(new PrintSink<>(sinkIdentifier, true), "Print to Std. Err");
    }

    /**
     * Runs the job and iterates over this stream's elements as they arrive (in the order one
     * collecting subtask receives them). Close the iterator to cancel an unbounded job.
     */
    public CloseableIterator<T> executeAndCollect() throws Exception {
        return executeAndCollect("DataStream Collect");
    }

    public CloseableIterator<T> executeAndCollect(String jobName) throws Exception {
        CollectResultIterator<T> iterator =
                new CollectResultIterator<>(getType().createSerializer(environment.getConfig()));
        try {
            sinkTo(iterator.createSink(), "Collect Sink").setParallelism(1);
            JobClient client = environment.executeAsync(jobName);
            iterator.attachJobTermination(client.getJobExecutionResult());
            return new JobResultIterator<>(iterator, client);
        } catch (Exception | Error e) {
            iterator.close();
            throw e;
        }
    }

    /**
     * Closing it cancels the job if it is still running (an unbounded job never ends by itself).
     * After the last element (the collect sink finished) the job is ending on its own: nothing is
     * cancelled; and a cancel that races with the job's end is not an error.
     */
    private static final class JobResultIterator<T> implements CloseableIterator<T> {
        private final CollectResultIterator<T> results;
        private final JobClient client;
        private boolean exhausted;

        JobResultIterator(CollectResultIterator<T> results, JobClient client) {
            this.results = results;
            this.client = client;
        }

        @Override
        public boolean hasNext() {
            boolean more = results.hasNext();
            if (!more) {
                exhausted = true;
            }
            return more;
        }

        @Override
        public T next() {
            return results.next();
        }

        @Override
        public void close() throws Exception {
            try {
                CompletableFuture<JobExecutionResult> result = client.getJobExecutionResult();
                if (!exhausted && !result.isDone()) {
                    try {
                        client.cancel().get();
                    } catch (ExecutionException e) {
                        if (!endsWithin(result, 10)) {
                            throw e;
                        }
                    }
                }
            } finally {
                results.close();
            }
        }

        /** Whether the job ended (in any state) within {@code seconds}. */
        private static boolean endsWithin(CompletableFuture<?> result, long seconds) throws InterruptedException {
            try {
                result.get(seconds, TimeUnit.SECONDS);
                return true;
            } catch (ExecutionException | CancellationException e) {
                return true;
            } catch (TimeoutException e) {
                return false;
            }
        }
    }

    /** Runs the job and returns its first {@code limit} elements; cancels the job if it has more. */
    public List<T> executeAndCollect(int limit) throws Exception {
        return executeAndCollect("DataStream Collect", limit);
    }

    public List<T> executeAndCollect(String jobName, int limit) throws Exception {
        List<T> result = new ArrayList<>();
        try (CloseableIterator<T> it = executeAndCollect(jobName)) {
            while (result.size() < limit && it.hasNext()) {
                result.add(it.next());
            }
        }
        return result;
    }
}
