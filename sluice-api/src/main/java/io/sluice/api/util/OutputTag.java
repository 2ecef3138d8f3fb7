package io.sluice.api.util;

import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.TypeInformation;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a side output. Create it as an anonymous subclass ({@code new OutputTag<String>("late"){}})
 * so the element type can be read from the generic signature, or pass the type explicitly.
 */
public class OutputTag<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final TypeInformation<T> typeInfo;

    public OutputTag(String id) {
        this.id = requireId(id);
        this.typeInfo = TypeExtractor.createTypeInfoFromSubclass(getClass(), OutputTag.class, 0);
    }

    public OutputTag(String id, TypeInformation<T> typeInfo) {
        this.id = requireId(id);
        this.typeInfo = Objects.requireNonNull(typeInfo, "typeInfo");
    }

    private static String requireId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("An OutputTag id must not be null or empty.");
        }
        return id;
    }

    public String getId() {
        return id;
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag<?> other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutputTag(" + typeInfo + ", " + id + ")";
    }
}
