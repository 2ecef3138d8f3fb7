package io.sluice.api.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TupleTest {

    @Test
    void toStringUsesParenthesesCommasWithoutSpacesAndPrintsNull() {
        assertThat(Tuple2.of("a", 1L).toString()).isEqualTo("(a,1)");
        assertThat(new Tuple3<String, Integer, Long>("x", null, 3L).toString()).isEqualTo("(x,null,3)");
        assertThat(Tuple0.INSTANCE.toString()).isEqualTo("()");
        assertThat(Tuple1.of(Tuple2.of(1, 2)).toString()).isEqualTo("((1,2))");
        assertThat(new Tuple12<>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).toString())
                .isEqualTo("(0,1,2,3,4,5,6,7,8,9,10,11)");
    }

    @Test
    void equalFieldsMeanEqualTuplesAndEqualHashCodes() {
        Tuple2<String, Long> a = Tuple2.of("word", 7L);
        Tuple2<String, Long> b = new Tuple2<>();
        b.setFields("word", 7L);
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a).isNotEqualTo(Tuple2.of("word", 8L));
        assertThat(a).isNotEqualTo(Tuple3.of("word", 7L, null));
        assertThat(new Tuple2<>(null, null)).isEqualTo(new Tuple2<>(null, null));
    }

    @Test
    void hashCodeCombinesFieldHashCodesDeterministically() {
        // 31 * "a".hashCode() + Long.hashCode(1) = 31 * 97 + 1
        assertThat(Tuple2.of("a", 1L).hashCode()).isEqualTo(3008);
        assertThat(new Tuple2<>(null, 5).hashCode()).isEqualTo(5);
        assertThat(Tuple0.INSTANCE.hashCode()).isZero();
    }

    @Test
    void getAndSetFieldByPosition() {
        Tuple3<String, Integer, Boolean> t = new Tuple3<>();
        t.setField("x", 0);
        t.setField(4, 1);
        t.setField(true, 2);
        assertThat(t.f0).isEqualTo("x");
        assertThat((Integer) t.getField(1)).isEqualTo(4);
        assertThat(t.getArity()).isEqualTo(3);
        assertThatThrownBy(() -> t.getField(3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("Position 3 is not a field of Tuple3 (valid positions: 0 to 2)");
    }

    @Test
    void copyIsShallowAndIndependent() {
        Tuple2<String, Long> t = Tuple2.of("a", 1L);
        Tuple2<String, Long> c = t.copy();
        c.f1 = 2L;
        assertThat(t.f1).isEqualTo(1L);
        assertThat(c).isEqualTo(Tuple2.of("a", 2L));
    }

    @Test
    void tupleClassesAndNewInstanceByArity() {
        assertThat(Tuple.getTupleClass(0)).isEqualTo(Tuple0.class);
        assertThat(Tuple.getTupleClass(12)).isEqualTo(Tuple12.class);
        assertThat(Tuple.newInstance(5)).isInstanceOf(Tuple5.class);
        assertThat(Tuple.newInstance(5).getArity()).isEqualTo(5);
        assertThatThrownBy(() -> Tuple.getTupleClass(13))
                .hasMessage("There is no tuple class with 13 fields; arities 0 to 12 exist.");
    }
}
