package io.sluice.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.tuple.Tuple3;
import io.sluice.api.util.OutputTag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypeExtractorTest {

    record Point(int x, int y) {}

    record Pair<A, B>(A first, B second) {}

    /** A generic POJO. */
    public static class Box<T> {
        public T value;
        public List<T> history;

        public Box() {}
    }

    public static class StringBox extends Box<String> {
        public StringBox() {}
    }

    /** A recursive POJO. */
    public static class Node {
        public String name;
        public Node next;

        public Node() {}
    }

    public static class WordCountTuple extends Tuple2<String, Long> {
        public WordCountTuple() {}
    }

    /** Not a POJO: private field without setter. */
    public static class Sealed {
        private String secret;

        public Sealed() {}

        public String getSecret() {
            return secret;
        }
    }

    @Test
    void basicClassesMapToBasicTypesAndPrimitivesToTheirBoxes() {
        assertThat(TypeExtractor.createTypeInfo(String.class)).isSameAs(Types.STRING);
        assertThat(TypeExtractor.createTypeInfo(long.class)).isSameAs(Types.LONG);
        assertThat(TypeExtractor.createTypeInfo(Integer.class)).isSameAs(Types.INT);
        assertThat(TypeInformation.of(Void.class)).isSameAs(Types.VOID);
        assertThat(Types.LONG.isBasicType()).isTrue();
        assertThat(Types.LONG.toString()).isEqualTo("Long");
    }

    @Test
    void parameterizedTypesFromTypeHints() {
        assertThat(new TypeHint<Tuple2<String, Long>>() {}.getTypeInfo())
                .isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
        assertThat(new TypeHint<List<Point>>() {}.getTypeInfo().toString())
                .isEqualTo("List<Point(x: Integer, y: Integer)>");
        assertThat(new TypeHint<Map<String, Long[]>>() {}.getTypeInfo())
                .isEqualTo(Types.MAP(Types.STRING, Types.OBJECT_ARRAY(Types.LONG)));
        assertThat(new TypeHint<Optional<String>>() {}.getTypeInfo()).isEqualTo(Types.OPTIONAL(Types.STRING));
        assertThat(new TypeHint<Pair<String, Point>>() {}.getTypeInfo().toString())
                .isEqualTo("Pair(first: String, second: Point(x: Integer, y: Integer))");
        assertThat(new TypeHint<Box<Long>>() {}.getTypeInfo().toString())
                .isEqualTo("Box(history: List<Long>, value: Long)");
    }

    @Test
    void tupleSubclassTakesFieldTypesFromItsSuperclass() {
        TypeInformation<WordCountTuple> info = Types.TUPLE(WordCountTuple.class);
        assertThat(info.toString()).isEqualTo("WordCountTuple<String, Long>");
        assertThat(info.isTupleType()).isTrue();
    }

    @Test
    void rawTupleClassIsAnErrorThatSaysHowToGiveTheFieldTypes() {
        assertThatThrownBy(() -> TypeExtractor.createTypeInfo(Tuple2.class))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("The field types of Tuple2 cannot be determined")
                .hasMessageContaining("Types.TUPLE(");
    }

    @Test
    void genericPojoFieldsResolveThroughTheSubclass() {
        assertThat(TypeExtractor.createTypeInfo(StringBox.class).toString())
                .isEqualTo("StringBox(history: List<String>, value: String)");
    }

    @Test
    void unresolvableAndRecursiveFieldsBecomeGeneric() {
        TypeInformation<?> raw = TypeExtractor.createTypeInfo(Box.class);
        assertThat(raw).isInstanceOf(PojoTypeInfo.class);
        assertThat(((PojoTypeInfo<?>) raw).getTypeAt(1)).isInstanceOf(GenericTypeInfo.class);
        TypeInformation<Node> node = TypeExtractor.createTypeInfo(Node.class);
        assertThat(node.toString()).isEqualTo("Node(name: String, next: GenericType<" + Node.class.getName() + ">)");
        assertThat(((GenericTypeInfo<?>) ((PojoTypeInfo<?>) node).getTypeAt(1)).getFallbackReason())
                .isEqualTo("it is the type of field 'next' of Node and Node is recursive (it contains itself)");
    }

    @Test
    void nonPojoClassesFallBackToGenericWithTheReason() {
        TypeInformation<Sealed> sealed = TypeExtractor.createTypeInfo(Sealed.class);
        assertThat(sealed).isEqualTo(new GenericTypeInfo<>(Sealed.class));
        assertThat(((GenericTypeInfo<Sealed>) sealed).getFallbackReason())
                .isEqualTo("field 'secret' is not public and has no public setter setSecret");
        assertThat(((GenericTypeInfo<?>) TypeExtractor.createTypeInfo(UUID.class)).getFallbackReason())
                .isEqualTo("it is a JDK class without a dedicated serializer");
        assertThat(((GenericTypeInfo<?>) TypeExtractor.createTypeInfo(List.class)).getFallbackReason())
                .isEqualTo("the raw type List has no type arguments, so its element types are unknown");
    }

    @Test
    void disabledGenericTypesMakeTheSerializerFailNamingTheTypeAndWhy() {
        ExecutionConfig config = new ExecutionConfig();
        config.disableGenericTypes();
        assertThatThrownBy(() -> TypeExtractor.createTypeInfo(Sealed.class).createSerializer(config))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessage("Type " + Sealed.class.getName() + " would be serialized with the generic (Fory) "
                        + "serializer, but generic types are disabled (ExecutionConfig.disableGenericTypes()). It is "
                        + "generic because field 'secret' is not public and has no public setter setSecret. Make it a "
                        + "record or a POJO (public class, public no-argument constructor, fields public or with "
                        + "getters and setters), declare its type with .returns(...), or enable generic types.");
        // nested generic fields fail too
        assertThatThrownBy(() -> TypeExtractor.createTypeInfo(Node.class).createSerializer(config))
                .hasMessageContaining("Type " + Node.class.getName() + " would be serialized with the generic");
        // while analysable types work
        assertThat(TypeExtractor.createTypeInfo(Point.class).createSerializer(config))
                .isNotNull();
    }

    /** Only used by the warning test, so no other test has created its serializer yet. */
    public static final class WarnedOnce {
        private final int x;

        public WarnedOnce(int x) {
            this.x = x;
        }

        public int x() {
            return x;
        }
    }

    /** Declared generic on purpose; never warned about. */
    public static final class ExplicitlyGeneric {}

    @Test
    void fallbackWarnsOncePerTypeWhenItsSerializerIsCreatedButExplicitGenericDoesNot() {
        TypeInformation<WarnedOnce> fallback = TypeExtractor.createTypeInfo(WarnedOnce.class);
        assertThat(GenericTypeInfo.hasWarnedAbout(WarnedOnce.class)).isFalse();
        fallback.createSerializer(new ExecutionConfig());
        assertThat(GenericTypeInfo.hasWarnedAbout(WarnedOnce.class)).isTrue();
        Types.GENERIC(ExplicitlyGeneric.class).createSerializer(new ExecutionConfig());
        assertThat(GenericTypeInfo.hasWarnedAbout(ExplicitlyGeneric.class)).isFalse();
    }

    @Test
    void typesPojoExplainsWhyAClassIsNotAPojo() {
        assertThatThrownBy(() -> Types.POJO(Sealed.class))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageStartingWith(Sealed.class.getName()
                        + " is not a POJO: field 'secret' is not public and has no public setter setSecret.");
        assertThat(Types.POJO(Node.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(Types.RECORD(Point.class).toString()).isEqualTo("Point(x: Integer, y: Integer)");
    }

    @Test
    void outputTagTypeComesFromTheAnonymousSubclass() {
        OutputTag<String> late = new OutputTag<String>("late") {};
        assertThat(late.getTypeInfo()).isEqualTo(Types.STRING);
        OutputTag<Tuple2<String, Point>> pairs = new OutputTag<Tuple2<String, Point>>("pairs") {};
        assertThat(pairs.getTypeInfo().toString()).isEqualTo("Tuple2<String, Point(x: Integer, y: Integer)>");
    }

    @Test
    void outputTagWithoutAnonymousSubclassFailsWithAdvice() {
        assertThatThrownBy(() -> new OutputTag<String>("late"))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessage("The type argument T of OutputTag cannot be determined from io.sluice.api.util.OutputTag: "
                        + "Java erases it. Create it as an anonymous subclass that names the type, e.g. new "
                        + "OutputTag<String>(...){}, or pass the TypeInformation explicitly.");
    }

    @Test
    void typeOfAValueUsesTupleFieldValues() {
        assertThat(TypeExtractor.getForObject(Tuple3.of("a", 1L, Tuple2.of(1, true))))
                .isEqualTo(Types.TUPLE(Types.STRING, Types.LONG, Types.TUPLE(Types.INT, Types.BOOLEAN)));
        assertThat(TypeExtractor.getForObject(new Point(1, 2))).isEqualTo(Types.RECORD(Point.class));
        assertThat(TypeExtractor.getForObject(42L)).isSameAs(Types.LONG);
        assertThatThrownBy(() -> TypeExtractor.getForObject(Tuple2.of("a", null)))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessageStartingWith("Field f1 of the tuple (a,null) is null");
    }

    @Test
    void arraysAreNotKeyTypesButTuplesOfBasicTypesAre() {
        assertThat(TypeExtractor.createTypeInfo(int[].class).isKeyType()).isFalse();
        assertThat(Types.OBJECT_ARRAY(Types.STRING).isKeyType()).isFalse();
        assertThat(Types.TUPLE(Types.STRING, Types.LONG).isKeyType()).isTrue();
        assertThat(Types.TUPLE(Types.STRING, Types.OBJECT_ARRAY(Types.STRING)).isKeyType())
                .isFalse();
        assertThat(Types.STRING.isKeyType()).isTrue();
    }

    @Test
    void typeInformationSurvivesJavaSerialization() {
        TypeInformation<?> info = new TypeHint<Tuple2<String, List<Point>>>() {}.getTypeInfo();
        assertThat(io.sluice.api.typeutils.SerializerTestUtil.javaCopy(info)).isEqualTo(info);
        assertThat(io.sluice.api.typeutils.SerializerTestUtil.javaCopy(Types.STRING))
                .isSameAs(Types.STRING);
    }
}
