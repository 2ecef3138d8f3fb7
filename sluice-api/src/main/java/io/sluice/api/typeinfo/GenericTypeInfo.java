package io.sluice.api.typeinfo;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.ForySerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A type Sluice cannot analyse (not basic, tuple, record, POJO, enum, array or collection), or one
 * declared generic on purpose with {@link Types#GENERIC}. Serialized by the generic Fory serializer,
 * which is several times slower and larger than the dedicated ones.
 *
 * <p>When the extractor falls back to this type it records why; the first serializer created for
 * such a type logs one WARN per type per JVM with that reason. If generic types are disabled
 * ({@link ExecutionConfig#disableGenericTypes()}), {@link #createSerializer} throws instead.
 * Immutable; any thread.
 */
public final class GenericTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GenericTypeInfo.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final Class<T> typeClass;
    /** Why the extractor fell back, or null if the type was declared generic explicitly. */
    private final String fallbackReason;

    /** A type declared generic on purpose: no warning. */
    public GenericTypeInfo(Class<T> typeClass) {
        this(typeClass, null);
    }

    /** A fallback chosen by the extractor, with the reason (shown in the WARN and in errors). */
    public GenericTypeInfo(Class<T> typeClass, String fallbackReason) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
        this.fallbackReason = fallbackReason;
    }

    /** True once the fallback WARN for the class has been logged in this JVM (for tests). */
    static boolean hasWarnedAbout(Class<?> type) {
        return WARNED.contains(type.getName());
    }

    /** Why the type is generic, or null if it was declared generic explicitly. */
    public String getFallbackReason() {
        return fallbackReason;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        if (config != null && config.hasGenericTypesDisabled()) {
            throw new InvalidTypesException("Type " + typeClass.getName() + " would be serialized with the generic "
                    + "(Fory) serializer, but generic types are disabled (ExecutionConfig.disableGenericTypes()). "
                    + (fallbackReason != null
                            ? "It is generic because " + fallbackReason + ". "
                            : "It was declared with Types.GENERIC. ")
                    + "Make it a record or a POJO (public class, public no-argument constructor, fields public or "
                    + "with getters and setters), declare its type with .returns(...), or enable generic types.");
        }
        if (fallbackReason != null && WARNED.add(typeClass.getName())) {
            LOG.warn(
                    "Type {} is serialized with the generic (Fory) serializer, which is slower and larger than the "
                            + "dedicated ones, because {}. Make it a record or a POJO (public class, public "
                            + "no-argument constructor, fields public or with getters and setters), or declare its "
                            + "type with .returns(...). Call env.getConfig().disableGenericTypes() to make this an "
                            + "error. Logged once per type.",
                    typeClass.getName(),
                    fallbackReason);
        }
        return new ForySerializer<>(typeClass);
    }

    @Override
    public String toString() {
        return "GenericType<" + typeClass.getName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof GenericTypeInfo<?> other && other.typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return typeClass.getName().hashCode() * 7;
    }
}
