package io.sluice.api.state;

import io.sluice.api.typeinfo.TypeInformation;

/** Describes a {@link ListState}: its name and element type. */
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, T> {
    private static final long serialVersionUID = 1L;

    public ListStateDescriptor(String name, Class<T> elementTypeClass) {
        super(name, elementTypeClass);
    }

    public ListStateDescriptor(String name, TypeInformation<T> elementTypeInfo) {
        super(name, elementTypeInfo);
    }

    /** The type of the list's elements (the same as {@link #getTypeInformation()}). */
    public TypeInformation<T> getElementTypeInformation() {
        return getTypeInformation();
    }

    @Override
    public Type getType() {
        return Type.LIST;
    }
}
