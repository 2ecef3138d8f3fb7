package io.sluice.runtime.tasks;

import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.operators.AbstractStreamOperator;
import io.sluice.runtime.operators.OneInputStreamOperator;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.operators.TwoInputStreamOperator;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;

/**
 * Hands records to the next operator of the chain by a direct call. With object reuse off and a
 * mutable type, the value is copied first, so the next function may keep or change it freely.
 * Listens to the main output ({@code outputTag == null}) or to one side output. Like a network
 * output it passes a watermark status on only when it changes and drops watermarks while idle.
 */
final class ChainingOutput<T> implements Output<T> {
    private final OneInputStreamOperator<T, ?> oneInput;
    private final TwoInputStreamOperator<T, ?, ?> firstOfTwo;
    private final TwoInputStreamOperator<?, T, ?> secondOfTwo;
    private final TypeSerializer<T> copier;
    private final OutputTag<?> outputTag;
    /** Set when the target is keyed: its key is extracted before each element. */
    private final AbstractStreamOperator<?> keyedTarget;

    private WatermarkStatus announcedStatus = WatermarkStatus.ACTIVE;

    @SuppressWarnings("unchecked")
    ChainingOutput(Object target, int typeNumber, TypeSerializer<T> serializer, OutputTag<?> outputTag) {
        if (target instanceof OneInputStreamOperator<?, ?> one) {
            this.oneInput = (OneInputStreamOperator<T, ?>) one;
            this.firstOfTwo = null;
            this.secondOfTwo = null;
        } else {
            TwoInputStreamOperator<?, ?, ?> two = (TwoInputStreamOperator<?, ?, ?>) target;
            this.oneInput = null;
            this.firstOfTwo = typeNumber == 0 ? (TwoInputStreamOperator<T, ?, ?>) two : null;
            this.secondOfTwo = typeNumber == 1 ? (TwoInputStreamOperator<?, T, ?>) two : null;
        }
        this.copier = serializer == null || serializer.isImmutableType() ? null : serializer;
        this.outputTag = outputTag;
        this.keyedTarget = target instanceof AbstractStreamOperator<?> op && op.isKeyed() ? op : null;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        if (outputTag == null) {
            push(record);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
        if (outputTag != null && outputTag.equals(tag)) {
            push((StreamRecord<T>) record);
        }
    }

    private void push(StreamRecord<T> record) {
        if (copier != null) {
            record.replace(copier.copy(record.getValue()));
        }
        try {
            if (oneInput != null) {
                if (keyedTarget != null) {
                    keyedTarget.setKeyContextElement1(record);
                }
                oneInput.processElement(record);
            } else if (firstOfTwo != null) {
                if (keyedTarget != null) {
                    keyedTarget.setKeyContextElement1(record);
                }
                firstOfTwo.processElement1(record);
            } else {
                if (keyedTarget != null) {
                    keyedTarget.setKeyContextElement2(record);
                }
                secondOfTwo.processElement2(record);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedException(e);
        }
    }

    @Override
    public void emitWatermark(WatermarkElement watermark) {
        if (announcedStatus.isIdle()) {
            return;
        }
        try {
            if (oneInput != null) {
                oneInput.processWatermark(watermark);
            } else if (firstOfTwo != null) {
                firstOfTwo.processWatermark1(watermark);
            } else {
                secondOfTwo.processWatermark2(watermark);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedException(e);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        if (status == announcedStatus) {
            return;
        }
        announcedStatus = status;
        try {
            if (oneInput != null) {
                oneInput.processWatermarkStatus(status);
            } else if (firstOfTwo != null) {
                firstOfTwo.processWatermarkStatus1(status);
            } else {
                secondOfTwo.processWatermarkStatus2(status);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedException(e);
        }
    }

    @Override
    public void close() {}
}
