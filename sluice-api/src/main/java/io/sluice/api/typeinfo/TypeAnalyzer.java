package io.sluice.api.typeinfo;

import io.sluice.api.tuple.Tuple;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a {@link Type} into {@link TypeInformation}: basic types, arrays, enums, tuples, records,
 * POJOs, {@code List}/{@code Map}/{@code Optional}, else the generic fallback (with the reason).
 *
 * <p>One analyzer per extraction call, on the calling thread. Type variables resolve through
 * {@code known} (variables bound to input types of a function) and through the generic signatures
 * of the class hierarchy. An unresolvable variable throws {@link Unresolved}; inside a field of a
 * record or POJO it is caught and the field becomes generic instead.
 */
final class TypeAnalyzer {

    /** A type variable or raw type whose arguments are unknown. */
    static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Class<?> rawClass;

        Unresolved(String reason, Class<?> rawClass) {
            super(reason, null, false, false);
            this.rawClass = rawClass;
        }
    }

    private final Map<TypeVariable<?>, TypeInformation<?>> known;
    private final Deque<Class<?>> inProgress = new ArrayDeque<>();

    TypeAnalyzer(Map<TypeVariable<?>, TypeInformation<?>> known) {
        this.known = known;
    }

    TypeAnalyzer() {
        this(Map.of());
    }

    // ---------------------------------------------------------------------------------------------
    // Type plumbing

    /** A ParameterizedType with substituted arguments. */
    private record Resolved(Class<?> raw, Type[] args, Type owner) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return owner;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(raw.getSimpleName()).append('<');
            for (int i = 0; i < args.length; i++) {
                sb.append(i > 0 ? ", " : "").append(describe(args[i]));
            }
            return sb.append('>').toString();
        }
    }

    /** A resolved generic array type. */
    private record ResolvedArray(Type component) implements GenericArrayType {
        @Override
        public Type getGenericComponentType() {
            return component;
        }
    }

    static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (t instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(rawClass(g.getGenericComponentType()), 0)
                    .getClass();
        }
        if (t instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        if (t instanceof TypeVariable<?> v) {
            return rawClass(v.getBounds()[0]);
        }
        return Object.class;
    }

    /** Short, readable form of a type for messages. */
    static String describe(Type t) {
        if (t instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (t instanceof ParameterizedType p && !(p instanceof Resolved)) {
            Type[] args = p.getActualTypeArguments();
            StringBuilder sb = new StringBuilder(rawClass(p).getSimpleName()).append('<');
            for (int i = 0; i < args.length; i++) {
                sb.append(i > 0 ? ", " : "").append(describe(args[i]));
            }
            return sb.append('>').toString();
        }
        if (t instanceof GenericArrayType g) {
            return describe(g.getGenericComponentType()) + "[]";
        }
        if (t instanceof TypeVariable<?> v) {
            return v.getName();
        }
        return t.toString();
    }

    /** Substitutes bound type variables in {@code t}. */
    static Type resolve(Type t, Map<TypeVariable<?>, Type> bindings) {
        if (bindings.isEmpty()) {
            return t;
        }
        if (t instanceof TypeVariable<?> v) {
            Type b = bindings.get(v);
            return b != null ? b : v;
        }
        if (t instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            Type[] resolved = new Type[args.length];
            for (int i = 0; i < args.length; i++) {
                resolved[i] = resolve(args[i], bindings);
            }
            return new Resolved(rawClass(p), resolved, p.getOwnerType());
        }
        if (t instanceof GenericArrayType g) {
            return new ResolvedArray(resolve(g.getGenericComponentType(), bindings));
        }
        if (t instanceof WildcardType w) {
            return resolve(w.getUpperBounds()[0], bindings);
        }
        return t;
    }

    /**
     * Binds the type parameters of {@code type}'s class and of all its superclasses and
     * interfaces, following the generic signatures upwards.
     */
    static Map<TypeVariable<?>, Type> hierarchyBindings(Type type) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        bindUpwards(type, bindings);
        return bindings;
    }

    private static void bindUpwards(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = rawClass(type);
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] params = raw.getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            for (int i = 0; i < params.length && i < args.length; i++) {
                bindings.put(params[i], resolve(args[i], bindings));
            }
        }
        Type sup = raw.getGenericSuperclass();
        if (sup != null && sup != Object.class) {
            bindUpwards(sup, bindings);
        }
        for (Type itf : raw.getGenericInterfaces()) {
            bindUpwards(itf, bindings);
        }
    }

    /**
     * The type arguments of {@code target} (a superclass or interface of {@code type}) as seen
     * from {@code type}, variables substituted as far as the hierarchy allows; null if
     * {@code type} does not extend {@code target}.
     */
    static Type[] typeArgumentsOf(Type type, Class<?> target) {
        Class<?> raw = rawClass(type);
        if (!target.isAssignableFrom(raw)) {
            return null;
        }
        Map<TypeVariable<?>, Type> bindings = hierarchyBindings(type);
        TypeVariable<?>[] params = target.getTypeParameters();
        Type[] result = new Type[params.length];
        for (int i = 0; i < params.length; i++) {
            result[i] = resolve(params[i], bindings);
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------------
    // Analysis

    /** Analyses a type; throws {@link Unresolved} if a type variable or raw argument is unknown. */
    TypeInformation<?> analyze(Type type) {
        if (type instanceof Class<?> c) {
            return analyzeClass(c, null, c);
        }
        if (type instanceof ParameterizedType p) {
            return analyzeClass(rawClass(p), p.getActualTypeArguments(), p);
        }
        if (type instanceof GenericArrayType g) {
            return ObjectArrayTypeInfo.getInfoFor(analyze(g.getGenericComponentType()));
        }
        if (type instanceof TypeVariable<?> v) {
            TypeInformation<?> k = known.get(v);
            if (k != null) {
                return k;
            }
            throw new Unresolved(
                    "type variable " + v.getName() + " of " + describeDeclaration(v) + " cannot be resolved",
                    rawClass(v));
        }
        if (type instanceof WildcardType w) {
            return analyze(w.getUpperBounds()[0]);
        }
        throw new Unresolved("type " + type + " is not supported", Object.class);
    }

    private static String describeDeclaration(TypeVariable<?> v) {
        Object d = v.getGenericDeclaration();
        if (d instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (d instanceof Method m) {
            return m.getDeclaringClass().getSimpleName() + "." + m.getName() + "()";
        }
        return String.valueOf(d);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TypeInformation<?> analyzeClass(Class<?> c, Type[] args, Type full) {
        TypeInformation<?> basic = BasicTypeInfo.getInfoFor(c);
        if (basic != null) {
            return basic;
        }
        if (c.isArray()) {
            TypeInformation<?> prim = PrimitiveArrayTypeInfo.getInfoFor(c);
            return prim != null ? prim : ObjectArrayTypeInfo.getInfoFor(analyze(c.getComponentType()));
        }
        if (c.isEnum()) {
            return new EnumTypeInfo(c);
        }
        if (c.getSuperclass() != null && c.getSuperclass().isEnum()) {
            return new EnumTypeInfo(c.getSuperclass());
        }
        if (c == List.class || c == java.util.ArrayList.class) {
            return new ListTypeInfo<>(analyze(argument(c, args, 0)));
        }
        if (c == Map.class || c == java.util.HashMap.class || c == LinkedHashMap.class) {
            return new MapTypeInfo<>(analyze(argument(c, args, 0)), analyze(argument(c, args, 1)));
        }
        if (c == Optional.class) {
            return new OptionalTypeInfo<>(analyze(argument(c, args, 0)));
        }
        if (c == Tuple.class) {
            throw new InvalidTypesException("The abstract class Tuple cannot be used as a type: use Tuple1 … Tuple12 "
                    + "with their field types, e.g. Types.TUPLE(Types.STRING, Types.LONG).");
        }
        if (inProgress.contains(c)) {
            throw new Unresolved(c.getSimpleName() + " is recursive (it contains itself)", c);
        }
        inProgress.push(c);
        try {
            Map<TypeVariable<?>, Type> bindings = hierarchyBindings(full);
            if (Tuple.class.isAssignableFrom(c)) {
                return analyzeTuple((Class<? extends Tuple>) c, bindings);
            }
            if (c.isRecord()) {
                return analyzeRecord(c, bindings);
            }
            String why = whyNotPojo(c);
            if (why == null) {
                return analyzePojo(c, bindings);
            }
            return new GenericTypeInfo<>(c, why);
        } finally {
            inProgress.pop();
        }
    }

    private static Type argument(Class<?> c, Type[] args, int i) {
        if (args == null) {
            throw new Unresolved(
                    "the raw type " + c.getSimpleName() + " has no type arguments, so its element types are unknown",
                    c);
        }
        return args[i];
    }

    private TypeInformation<?> analyzeTuple(Class<? extends Tuple> c, Map<TypeVariable<?>, Type> bindings) {
        Class<?> base = c;
        while (base.getSuperclass() != Tuple.class) {
            base = base.getSuperclass();
        }
        int arity = base.getTypeParameters().length;
        TypeInformation<?>[] fields = new TypeInformation<?>[arity];
        for (int i = 0; i < arity; i++) {
            Type fieldType = resolve(base.getTypeParameters()[i], bindings);
            try {
                fields[i] = analyze(fieldType);
            } catch (Unresolved e) {
                throw new Unresolved(
                        "the type of field f" + i + " of " + c.getSimpleName() + " is unknown (" + e.getMessage() + ")",
                        c);
            }
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeInformation<?> info = new TupleTypeInfo(c, fields);
        return info;
    }

    /** Analyses a field's type; an unknown or recursive field type becomes generic. */
    private TypeInformation<?> analyzeField(Type fieldType, String owner, String field) {
        try {
            return analyze(fieldType);
        } catch (Unresolved e) {
            return new GenericTypeInfo<>(
                    e.rawClass, "it is the type of field '" + field + "' of " + owner + " and " + e.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TypeInformation<?> analyzeRecord(Class<?> c, Map<TypeVariable<?>, Type> bindings) {
        RecordComponent[] components = c.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> ctor = c.getDeclaredConstructor(types);
            if (!ctor.trySetAccessible()) {
                return new GenericTypeInfo<>(c, "its canonical constructor is not accessible (open its package)");
            }
        } catch (NoSuchMethodException e) {
            return new GenericTypeInfo<>(c, "its canonical constructor was not found");
        }
        TypeInformation<?>[] infos = new TypeInformation<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            infos[i] = analyzeField(
                    resolve(components[i].getGenericType(), bindings), c.getSimpleName(), components[i].getName());
        }
        return new RecordTypeInfo(c, infos);
    }

    /** All non-static, non-transient fields of the class and its superclasses. */
    static List<Field> instanceFields(Class<?> c) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    /** Null if the class is a POJO, else why not. */
    static String whyNotPojo(Class<?> c) {
        if (c == Object.class) {
            return "Object says nothing about the values' structure";
        }
        if (c.isInterface()) {
            return "it is an interface";
        }
        if (Modifier.isAbstract(c.getModifiers())) {
            return "it is abstract";
        }
        if (c.getName().startsWith("java.") || c.getName().startsWith("javax.")) {
            return "it is a JDK class without a dedicated serializer";
        }
        if (!Modifier.isPublic(c.getModifiers())) {
            return "it is not a public class (POJOs must be public)";
        }
        if (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
            return "it is a non-static inner class (make it static)";
        }
        try {
            if (!Modifier.isPublic(c.getConstructor().getModifiers())) {
                return "it has no public no-argument constructor";
            }
        } catch (NoSuchMethodException e) {
            return "it has no public no-argument constructor";
        }
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Field f : instanceFields(c)) {
            String name = f.getName();
            if (seen.contains(name)) {
                problems.add("field '" + name + "' is declared twice in its class hierarchy");
                continue;
            }
            seen.add(name);
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && !Modifier.isFinal(m)) {
                continue;
            }
            String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            boolean getter = hasGetter(c, "get" + cap, f.getType())
                    || ((f.getType() == boolean.class || f.getType() == Boolean.class)
                            && hasGetter(c, "is" + cap, f.getType()));
            boolean setter = hasSetter(c, "set" + cap, f.getType());
            if (!getter || !setter) {
                problems.add("field '" + name + "' is " + (Modifier.isFinal(m) ? "final" : "not public")
                        + " and has no public " + (getter ? "setter set" + cap : "getter get" + cap));
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static boolean hasGetter(Class<?> c, String name, Class<?> type) {
        try {
            return c.getMethod(name).getReturnType() == type;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean hasSetter(Class<?> c, String name, Class<?> type) {
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1 && m.getParameterTypes()[0] == type) {
                return true;
            }
        }
        return false;
    }

    private TypeInformation<?> analyzePojo(Class<?> c, Map<TypeVariable<?>, Type> bindings) {
        Map<String, TypeInformation<?>> fields = new LinkedHashMap<>();
        for (Field f : instanceFields(c)) {
            fields.put(
                    f.getName(), analyzeField(resolve(f.getGenericType(), bindings), c.getSimpleName(), f.getName()));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeInformation<?> info = new PojoTypeInfo(c, fields);
        return info;
    }

    // ---------------------------------------------------------------------------------------------
    // Binding function inputs

    /**
     * Records what the type variables in {@code declared} stand for, given that a value of that
     * declared type has type {@code actual} (e.g. {@code Tuple2<T, Long>} against {@code
     * Tuple2<String, Long>} binds T to String).
     */
    static void bindInput(Type declared, TypeInformation<?> actual, Map<TypeVariable<?>, TypeInformation<?>> out) {
        if (actual == null || actual instanceof MissingTypeInfo) {
            return;
        }
        if (declared instanceof TypeVariable<?> v) {
            out.putIfAbsent(v, actual);
            return;
        }
        if (declared instanceof GenericArrayType g && actual instanceof ObjectArrayTypeInfo<?, ?> a) {
            bindInput(g.getGenericComponentType(), a.getComponentInfo(), out);
            return;
        }
        if (!(declared instanceof ParameterizedType p)) {
            return;
        }
        Type[] args = p.getActualTypeArguments();
        if (actual instanceof ListTypeInfo<?> l && args.length == 1) {
            bindInput(args[0], l.getElementTypeInfo(), out);
        } else if (actual instanceof OptionalTypeInfo<?> o && args.length == 1) {
            bindInput(args[0], o.getElementTypeInfo(), out);
        } else if (actual instanceof MapTypeInfo<?, ?> m && args.length == 2) {
            bindInput(args[0], m.getKeyTypeInfo(), out);
            bindInput(args[1], m.getValueTypeInfo(), out);
        } else if (actual instanceof TupleTypeInfo<?> t
                && Objects.equals(rawClass(p), t.getTypeClass())
                && args.length == t.getArity()) {
            for (int i = 0; i < args.length; i++) {
                bindInput(args[i], t.getTypeAt(i), out);
            }
        }
    }
}
