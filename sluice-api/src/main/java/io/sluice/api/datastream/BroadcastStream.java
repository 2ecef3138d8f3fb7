package io.sluice.api.datastream;

import io.sluice.api.dag.Transformation;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.typeinfo.TypeInformation;
import java.util.List;

/**
 * A stream whose every element goes to every parallel instance of the next operator, together
 * with the broadcast states that operator keeps ({@link DataStream#broadcast(MapStateDescriptor[])}).
 * It has no operations of its own: connect it to a stream ({@link DataStream#connect(BroadcastStream)})
 * and process both with a broadcast process function.
 *
 * @param <T> the element type
 */
public class BroadcastStream<T> {
    private final StreamExecutionEnvironment environment;
    /** The input with broadcast partitioning. */
    private final DataStream<T> broadcastInput;

    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;

    protected BroadcastStream(
            StreamExecutionEnvironment environment,
            DataStream<T> broadcastInput,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        this.environment = environment;
        this.broadcastInput = broadcastInput;
        this.broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
    }

    public TypeInformation<T> getType() {
        return broadcastInput.getType();
    }

    public Transformation<T> getTransformation() {
        return broadcastInput.getTransformation();
    }

    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return broadcastStateDescriptors;
    }

    public StreamExecutionEnvironment getEnvironment() {
        return environment;
    }
}
