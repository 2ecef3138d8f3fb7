package io.sluice.api.typeinfo;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type: {@code new TypeHint<Tuple2<String, Long>>(){}}.
 */
public abstract class TypeHint<T> {
    private final TypeInformation<T> typeInfo;

    @SuppressWarnings("unchecked")
    protected TypeHint() {
        Type superType = getClass().getGenericSuperclass();
        if (!(superType instanceof ParameterizedType p)) {
            throw new InvalidTypesException(
                    "A TypeHint must be created as an anonymous subclass with a type argument: new TypeHint<MyType>(){}");
        }
        this.typeInfo = (TypeInformation<T>) TypeExtractor.createTypeInfo(p.getActualTypeArguments()[0]);
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public String toString() {
        return "TypeHint: " + typeInfo;
    }
}
