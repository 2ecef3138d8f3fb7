package io.sluice.api.state;

import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeinfo.Types;
import java.util.Map;
import java.util.Objects;

/** Describes a {@link MapState}: its name, user key type and user value type. */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<UK> keyTypeInfo;
    private final TypeInformation<UV> valueTypeInfo;

    public MapStateDescriptor(String name, TypeInformation<UK> keyTypeInfo, TypeInformation<UV> valueTypeInfo) {
        super(
                name,
                Types.MAP(
                        Objects.requireNonNull(
                                keyTypeInfo, () -> "Key type information of map state '" + name + "' is null"),
                        Objects.requireNonNull(
                                valueTypeInfo, () -> "Value type information of map state '" + name + "' is null")));
        this.keyTypeInfo = keyTypeInfo;
        this.valueTypeInfo = valueTypeInfo;
    }

    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        this(name, TypeInformation.of(keyClass), TypeInformation.of(valueClass));
    }

    public TypeInformation<UK> getKeyTypeInformation() {
        return keyTypeInfo;
    }

    public TypeInformation<UV> getValueTypeInformation() {
        return valueTypeInfo;
    }

    @Override
    public Type getType() {
        return Type.MAP;
    }
}
