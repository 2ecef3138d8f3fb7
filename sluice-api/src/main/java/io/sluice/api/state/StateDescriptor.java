package io.sluice.api.state;

import io.sluice.api.typeinfo.TypeInformation;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a keyed state and describes its type; a function passes it to the runtime context to get
 * the state. Two descriptors with the same name refer to the same state, so they must be of the
 * same kind.
 *
 * @param <S> the state interface it creates
 * @param <T> the type of the stored value (the element type for a list, the accumulator type for
 *     an aggregating state)
 */
public abstract class StateDescriptor<S extends State, T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kinds of keyed state; the backend creates the state by this kind. */
    public enum Type {
        VALUE,
        LIST,
        REDUCING,
        AGGREGATING,
        MAP
    }

    private final String name;
    private final TypeInformation<T> typeInfo;
    private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

    protected StateDescriptor(String name, TypeInformation<T> typeInfo) {
        this.name = Objects.requireNonNull(name, "State name must not be null");
        this.typeInfo = Objects.requireNonNull(typeInfo, () -> "Type information of state '" + name + "' is null");
    }

    protected StateDescriptor(String name, Class<T> type) {
        this(
                name,
                TypeInformation.of(Objects.requireNonNull(type, () -> "Type class of state '" + name + "' is null")));
    }

    public String getName() {
        return name;
    }

    public TypeInformation<T> getTypeInformation() {
        return typeInfo;
    }

    /** The kind of state this descriptor creates. */
    public abstract Type getType();

    /**
     * Makes the values expire {@code ttlConfig.getTtl()} after their last write (or access, see
     * {@link StateTtlConfig.UpdateType}). Call before the state is created.
     */
    public void enableTimeToLive(StateTtlConfig ttlConfig) {
        this.ttlConfig = Objects.requireNonNull(ttlConfig, "ttlConfig must not be null");
    }

    /** The time-to-live settings; {@link StateTtlConfig#isEnabled()} is false when TTL is off. */
    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((StateDescriptor<?, ?>) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + getClass().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{name=" + name + ", type=" + typeInfo + ", ttl=" + ttlConfig + "}";
    }
}
