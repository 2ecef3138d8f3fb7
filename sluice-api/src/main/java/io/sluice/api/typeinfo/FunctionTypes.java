package io.sluice.api.typeinfo;

import io.sluice.api.functions.Function;
import io.sluice.api.util.Collector;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the output type of a user function: from the generic signature of its class, or, for a
 * lambda or method reference, from the implementation method named by its {@link
 * SerializedLambda}. Stateless; any thread.
 */
final class FunctionTypes {
    private FunctionTypes() {}

    static TypeInformation<?> outputType(
            Function function,
            Class<?> functionInterface,
            int outputIndex,
            TypeInformation<?>[] inputTypes,
            String operatorName) {
        if (!functionInterface.isInstance(function)) {
            throw new IllegalArgumentException("Function " + function.getClass().getName() + " of operator '"
                    + operatorName + "' does not implement " + functionInterface.getName());
        }
        TypeVariable<?>[] params = functionInterface.getTypeParameters();
        if (outputIndex < 0 || outputIndex >= params.length) {
            throw new IllegalArgumentException(functionInterface.getSimpleName() + " has no type argument at index "
                    + outputIndex + " (it has " + params.length + ")");
        }
        try {
            SerializedLambda lambda = serializedLambda(function);
            if (lambda != null) {
                return fromLambda(lambda, function, functionInterface, outputIndex);
            }
            return fromClass(function.getClass(), functionInterface, outputIndex, inputTypes);
        } catch (TypeAnalyzer.Unresolved e) {
            return new MissingTypeInfo(operatorName, e.getMessage());
        } catch (InvalidTypesException e) {
            return new MissingTypeInfo(operatorName, e.getMessage());
        }
    }

    private static TypeInformation<?> fromClass(
            Class<?> functionClass, Class<?> functionInterface, int outputIndex, TypeInformation<?>[] inputTypes) {
        Type[] args = TypeAnalyzer.typeArgumentsOf(functionClass, functionInterface);
        Map<TypeVariable<?>, TypeInformation<?>> known = new HashMap<>();
        if (inputTypes != null) {
            for (int i = 0; i < inputTypes.length && i < args.length; i++) {
                if (i != outputIndex) {
                    TypeAnalyzer.bindInput(args[i], inputTypes[i], known);
                }
            }
        }
        Type out = args[outputIndex];
        try {
            return new TypeAnalyzer(known).analyze(out);
        } catch (TypeAnalyzer.Unresolved e) {
            throw new TypeAnalyzer.Unresolved(
                    "the output type " + TypeAnalyzer.describe(out) + " of " + describeClass(functionClass)
                            + " (implementing " + functionInterface.getSimpleName() + ") is not known: "
                            + e.getMessage(),
                    e.rawClass);
        }
    }

    private static String describeClass(Class<?> c) {
        return c.isAnonymousClass() ? "anonymous class " + c.getName() : "class " + c.getSimpleName();
    }

    /** The serialized form of a lambda or method reference, or null for an ordinary class. */
    static SerializedLambda serializedLambda(Object function) {
        Class<?> c = function.getClass();
        if (!c.isSynthetic() && !c.getName().contains("$$Lambda")) {
            return null;
        }
        try {
            Method writeReplace = c.getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replaced = writeReplace.invoke(function);
            return replaced instanceof SerializedLambda s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static TypeInformation<?> fromLambda(
            SerializedLambda lambda, Function function, Class<?> functionInterface, int outputIndex) {
        Method sam = singleAbstractMethod(functionInterface);
        TypeVariable<?> outVar = functionInterface.getTypeParameters()[outputIndex];
        Executable impl = implementation(lambda, function.getClass().getClassLoader());
        boolean isLambdaBody = lambda.getImplMethodName().startsWith("lambda$");
        String what = isLambdaBody
                ? "the lambda's"
                : "the method reference " + impl.getDeclaringClass().getSimpleName() + "::"
                        + (impl instanceof Constructor<?> ? "new" : impl.getName()) + "'s";

        // the abstract method may be declared by a generic super-interface: view it in our variables
        Map<TypeVariable<?>, Type> samBindings = TypeAnalyzer.hierarchyBindings(functionInterface);
        Type found;
        if (TypeAnalyzer.resolve(sam.getGenericReturnType(), samBindings).equals(outVar)) {
            found = impl instanceof Method m ? m.getGenericReturnType() : impl.getDeclaringClass();
            return analyzeLambdaType(found, what + " return type");
        }
        Type[] samParams = sam.getGenericParameterTypes();
        for (int j = 0; j < samParams.length; j++) {
            if (TypeAnalyzer.resolve(samParams[j], samBindings) instanceof ParameterizedType p
                    && p.getActualTypeArguments().length == 1
                    && p.getActualTypeArguments()[0].equals(outVar)) {
                int kind = lambda.getImplMethodKind();
                boolean hasReceiver = kind == MethodHandleInfo.REF_invokeVirtual
                        || kind == MethodHandleInfo.REF_invokeInterface
                        || kind == MethodHandleInfo.REF_invokeSpecial;
                int index = lambda.getCapturedArgCount() + j - (hasReceiver ? 1 : 0);
                Type[] implParams = impl.getGenericParameterTypes();
                if (index < 0 || index >= implParams.length) {
                    throw new TypeAnalyzer.Unresolved(
                            what + " " + TypeAnalyzer.describe(p.getRawType()) + " parameter was not found",
                            Object.class);
                }
                Type param = implParams[index];
                if (param instanceof ParameterizedType pp && pp.getActualTypeArguments().length == 1) {
                    return analyzeLambdaType(
                            pp.getActualTypeArguments()[0],
                            what + " " + ((Class<?>) p.getRawType()).getSimpleName() + " element type");
                }
                String container = ((Class<?>) p.getRawType()) == Collector.class
                        ? "Collector"
                        : ((Class<?>) p.getRawType()).getSimpleName();
                throw new TypeAnalyzer.Unresolved(
                        what + " " + container + " parameter has no type argument: Java "
                                + "erases the parameter types of lambdas",
                        Object.class);
            }
        }
        throw new TypeAnalyzer.Unresolved(
                "the output type argument of " + functionInterface.getSimpleName()
                        + " appears neither as the return type nor as a Collector parameter of " + sam.getName(),
                Object.class);
    }

    private static TypeInformation<?> analyzeLambdaType(Type found, String what) {
        if (found instanceof Class<?> c) {
            if (c == Object.class) {
                throw new TypeAnalyzer.Unresolved(what + " is Object (Java erases generic lambda types)", c);
            }
            if (c == void.class) {
                throw new TypeAnalyzer.Unresolved(what + " is void", c);
            }
            if (c.getTypeParameters().length > 0) {
                throw new TypeAnalyzer.Unresolved(
                        what + " " + c.getSimpleName() + " is generic and Java erases its type arguments", c);
            }
        }
        if (found instanceof TypeVariable<?> v) {
            throw new TypeAnalyzer.Unresolved(what + " is the type variable " + v.getName(), Object.class);
        }
        try {
            return new TypeAnalyzer().analyze(found);
        } catch (TypeAnalyzer.Unresolved e) {
            throw new TypeAnalyzer.Unresolved(
                    what + " " + TypeAnalyzer.describe(found) + " is not fully known: " + e.getMessage(), e.rawClass);
        }
    }

    private static Method singleAbstractMethod(Class<?> functionInterface) {
        Method found = null;
        for (Method m : functionInterface.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && !m.isDefault() && !isObjectMethod(m)) {
                if (found != null) {
                    throw new IllegalArgumentException(
                            functionInterface.getName() + " is not a functional interface (several abstract methods)");
                }
                found = m;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(functionInterface.getName() + " has no abstract method");
        }
        return found;
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Loads the method or constructor a lambda or method reference calls. */
    private static Executable implementation(SerializedLambda lambda, ClassLoader loader) {
        String className = lambda.getImplClass().replace('/', '.');
        Class<?> implClass;
        try {
            implClass = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new TypeAnalyzer.Unresolved(
                    "the lambda's implementation class " + className + " was not found", Object.class);
        }
        String name = lambda.getImplMethodName();
        String descriptor = lambda.getImplMethodSignature();
        if (name.equals("<init>")) {
            for (Constructor<?> c : implClass.getDeclaredConstructors()) {
                if (MethodType.methodType(void.class, c.getParameterTypes())
                        .toMethodDescriptorString()
                        .equals(descriptor)) {
                    return c;
                }
            }
        } else {
            for (Class<?> k = implClass; k != null; k = k.getSuperclass()) {
                for (Method m : k.getDeclaredMethods()) {
                    if (m.getName().equals(name)
                            && MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                                    .toMethodDescriptorString()
                                    .equals(descriptor)) {
                        return m;
                    }
                }
            }
        }
        throw new TypeAnalyzer.Unresolved(
                "the lambda's implementation method " + className + "." + name + descriptor + " was not found",
                Object.class);
    }
}
