package io.sluice.api.datastream;

import io.sluice.api.dag.ChainingStrategy;
import io.sluice.api.dag.SideOutputTransformation;
import io.sluice.api.dag.Transformation;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.typeinfo.InvalidTypesException;
import io.sluice.api.typeinfo.TypeHint;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.util.OutputTag;

/** The stream one operator produces; the setters configure that operator. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    public SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    public String getName() {
        return transformation.getName();
    }

    /** The operator's name in the plan, logs and errors. */
    public SingleOutputStreamOperator<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    /** A stable id for the operator's state across versions of the job (savepoints). */
    public SingleOutputStreamOperator<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    /** Declares the output type where Java erased it (lambdas returning generic types). */
    public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
        if (typeInfo == null) {
            throw new NullPointerException("returns(...) needs a type");
        }
        transformation.setOutputType(typeInfo);
        return this;
    }

    public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
        return returns(typeHint.getTypeInfo());
    }

    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        try {
            return returns(TypeInformation.of(typeClass));
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException(
                    "Cannot use " + typeClass.getName() + " in returns(): " + e.getMessage()
                            + " For a generic type use returns(new TypeHint<...>(){}).",
                    e);
        }
    }

    /** Runs this operator in a task of its own, chained to neither neighbour. */
    public SingleOutputStreamOperator<T> disableChaining() {
        transformation.setChainingStrategy(ChainingStrategy.NEVER);
        return this;
    }

    /** Starts a new chain here: not chained to the predecessor, successors may chain to it. */
    public SingleOutputStreamOperator<T> startNewChain() {
        transformation.setChainingStrategy(ChainingStrategy.HEAD);
        return this;
    }

    /** Operators in different slot sharing groups never share a slot. */
    public SingleOutputStreamOperator<T> slotSharingGroup(String slotSharingGroup) {
        transformation.setSlotSharingGroup(slotSharingGroup);
        return this;
    }

    /** Buffer timeout of this operator's outgoing network data (see the environment's). */
    public SingleOutputStreamOperator<T> setBufferTimeout(long timeoutMillis) {
        transformation.setBufferTimeout(timeoutMillis);
        return this;
    }

    /** The elements this operator emitted to the side output named by the tag. */
    public <X> DataStream<X> getSideOutput(OutputTag<X> sideOutputTag) {
        if (sideOutputTag == null) {
            throw new NullPointerException("getSideOutput needs an OutputTag");
        }
        return new DataStream<>(environment, new SideOutputTransformation<>(transformation, sideOutputTag));
    }
}
