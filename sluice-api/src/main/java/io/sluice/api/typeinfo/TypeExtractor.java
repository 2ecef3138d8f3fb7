package io.sluice.api.typeinfo;

import io.sluice.api.functions.Function;
import java.lang.reflect.Type;

/**
 * Derives {@link TypeInformation} from classes, generic signatures, function classes and
 * serializable lambdas. PLACEHOLDER: the types work replaces this file.
 */
public final class TypeExtractor {
    private TypeExtractor() {}

    public static <T> TypeInformation<T> createTypeInfo(Class<T> type) {
        throw new UnsupportedOperationException("types: not yet implemented");
    }

    public static TypeInformation<?> createTypeInfo(Type type) {
        throw new UnsupportedOperationException("types: not yet implemented");
    }

    public static <T> TypeInformation<T> createTypeInfoFromSubclass(
            Class<?> subclass, Class<?> baseClass, int typeArgIndex) {
        throw new UnsupportedOperationException("types: not yet implemented");
    }

    public static <T> TypeInformation<T> getForObject(T value) {
        throw new UnsupportedOperationException("types: not yet implemented");
    }

    public static <OUT> TypeInformation<OUT> getOutputType(
            Function function,
            Class<?> functionInterface,
            int outputTypeArgIndex,
            TypeInformation<?>[] inputTypes,
            String operatorName) {
        throw new UnsupportedOperationException("types: not yet implemented");
    }
}
