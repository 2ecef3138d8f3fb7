package io.sluice.api.typeinfo;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.TypeSerializer;
import java.util.Objects;

/**
 * Stands for an output type the {@link TypeExtractor} could not determine (typically a lambda whose
 * generic return type Java erased). It remembers the operator and the reason; anything that needs
 * a serializer fails with an {@link InvalidTypesException} that says to add {@code .returns(...)}.
 * The API replaces it when the user calls {@code returns(...)}. Immutable; any thread.
 */
public final class MissingTypeInfo extends TypeInformation<Object> {
    private static final long serialVersionUID = 1L;

    private final String operatorName;
    private final String reason;

    /**
     * @param operatorName e.g. {@code Map (map at MyJob.java:42)}
     * @param reason why the type is unknown, e.g. "the lambda's return type Tuple2 is generic and
     *     Java erases its type arguments"
     */
    public MissingTypeInfo(String operatorName, String reason) {
        this.operatorName = Objects.requireNonNull(operatorName, "operatorName");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public String getOperatorName() {
        return operatorName;
    }

    public String getReason() {
        return reason;
    }

    /** Always true; lets callers test without {@code instanceof}. */
    public boolean isMissing() {
        return true;
    }

    /** The error to report when the type is needed. */
    public InvalidTypesException toException() {
        return new InvalidTypesException("The return type of operator '" + operatorName
                + "' could not be determined: " + reason + ". Add .returns(...) after the operator, e.g. "
                + ".returns(Types.TUPLE(Types.STRING, Types.LONG)) or "
                + ".returns(new TypeHint<Tuple2<String, Long>>(){}), or use a class instead of a lambda.");
    }

    @Override
    public Class<Object> getTypeClass() {
        return Object.class;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Object> createSerializer(ExecutionConfig config) {
        throw toException();
    }

    @Override
    public String toString() {
        return "MissingType(" + operatorName + ": " + reason + ")";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof MissingTypeInfo other
                && other.operatorName.equals(operatorName)
                && other.reason.equals(reason);
    }

    @Override
    public int hashCode() {
        return 31 * operatorName.hashCode() + reason.hashCode();
    }
}
