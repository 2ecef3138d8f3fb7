package io.sluice.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.datastream.CoGroupedStreams.TaggedUnion;
import io.sluice.api.datastream.CoGroupedStreams.UnionSerializer;
import io.sluice.api.datastream.CoGroupedStreams.UnionTypeInfo;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.SerializerTestUtil;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tagged union behind window joins and co-groups: its type, serializer and value semantics. */
class TaggedUnionTypeTest {
    private final UnionTypeInfo<String, Tuple2<String, Long>> type =
            new UnionTypeInfo<>(Types.STRING, Types.TUPLE(Types.STRING, Types.LONG));
    private final TypeSerializer<TaggedUnion<String, Tuple2<String, Long>>> serializer =
            type.createSerializer(new ExecutionConfig());

    @Test
    void whenEitherSideIsSerialized_thenItComesBackOnTheSameSide() {
        TaggedUnion<String, Tuple2<String, Long>> one = TaggedUnion.one("left");
        TaggedUnion<String, Tuple2<String, Long>> two = TaggedUnion.two(Tuple2.of("right", 7L));

        TaggedUnion<String, Tuple2<String, Long>> oneBack = SerializerTestUtil.roundTrip(serializer, one);
        TaggedUnion<String, Tuple2<String, Long>> twoBack = SerializerTestUtil.roundTrip(serializer, two);

        assertThat(oneBack.isOne()).isTrue();
        assertThat(oneBack.isTwo()).isFalse();
        assertThat(oneBack.getOne()).isEqualTo("left");
        assertThat(oneBack.getTwo()).isNull();
        assertThat(twoBack.isTwo()).isTrue();
        assertThat(twoBack.getTwo()).isEqualTo(Tuple2.of("right", 7L));
        assertThat(List.of(oneBack, twoBack)).containsExactly(one, two);
        assertThat(SerializerTestUtil.bytes(serializer, one)[0]).isEqualTo((byte) 1);
        assertThat(SerializerTestUtil.bytes(serializer, two)[0]).isEqualTo((byte) 2);
    }

    @Test
    void whenAMutableSideIsCopied_thenTheCopyIsDeep() {
        Tuple2<String, Long> value = Tuple2.of("right", 7L);
        TaggedUnion<String, Tuple2<String, Long>> copy = serializer.copy(TaggedUnion.two(value));
        value.f1 = 8L;
        assertThat(copy.getTwo()).isEqualTo(Tuple2.of("right", 7L));
        assertThat(serializer.isImmutableType()).isFalse();
    }

    @Test
    void whenTheTagIsNeitherOneNorTwo_thenDeserializingFails() {
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(new byte[] {3})))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("tag 3");
    }

    @Test
    void whenTheTypeTravelsWithTheJob_thenItStaysEqualAndDescribesBothSides() {
        UnionTypeInfo<String, Tuple2<String, Long>> copy = SerializerTestUtil.javaCopy(type);
        assertThat(copy).isEqualTo(type).hasSameHashCodeAs(type);
        assertThat(copy).isNotEqualTo(new UnionTypeInfo<>(Types.STRING, Types.STRING));
        assertThat(type.getTypeClass()).isEqualTo(TaggedUnion.class);
        assertThat(type)
                .hasToString("TaggedUnion<" + Types.STRING + ", " + Types.TUPLE(Types.STRING, Types.LONG) + ">");
        assertThat(SerializerTestUtil.javaCopy(serializer)).isEqualTo(serializer);
        assertThat(serializer).isInstanceOf(UnionSerializer.class);
    }

    @Test
    void whenASideIsNull_thenTheUnionCannotBeBuilt() {
        assertThatThrownBy(() -> TaggedUnion.one(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TaggedUnion.two(null)).isInstanceOf(NullPointerException.class);
    }
}
