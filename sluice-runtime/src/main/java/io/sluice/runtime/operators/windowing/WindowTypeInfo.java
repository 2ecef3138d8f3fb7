package io.sluice.runtime.operators.windowing;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.windows.Window;

/**
 * The type of an assigner's windows, serialized by the assigner's own window serializer, so window
 * operator state that holds windows (the live sessions) needs no generic serializer and survives
 * {@code disableGenericTypes()}.
 */
final class WindowTypeInfo<W extends Window> extends TypeInformation<W> {
    private static final long serialVersionUID = 1L;

    private final WindowAssigner<?, W> assigner;

    WindowTypeInfo(WindowAssigner<?, W> assigner) {
        this.assigner = assigner;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<W> getTypeClass() {
        return (Class<W>) (Class<?>) Window.class;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public TypeSerializer<W> createSerializer(ExecutionConfig config) {
        return assigner.getWindowSerializer(config);
    }

    @Override
    public String toString() {
        return "Window(" + assigner + ")";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof WindowTypeInfo<?> other && other.assigner.equals(assigner);
    }

    @Override
    public int hashCode() {
        return assigner.hashCode();
    }
}
