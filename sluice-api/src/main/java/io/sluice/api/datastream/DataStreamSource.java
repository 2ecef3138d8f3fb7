package io.sluice.api.datastream;

import io.sluice.api.dag.SourceTransformation;
import io.sluice.api.environment.StreamExecutionEnvironment;

/** The stream a source produces. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
    public DataStreamSource(StreamExecutionEnvironment environment, SourceTransformation<T> transformation) {
        super(environment, transformation);
    }
}
