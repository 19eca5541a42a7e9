package com.newsdesk.core.render;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@code view.name} of a record (every view is one) through an accessor bound once per class. Pebble's own
 * resolver looks the member up again at every access (a cache key, a copy of the parameter types, a reflective call):
 * a page makes about 260 such accesses. What the template sees is the same: the record's public no-argument method
 * of that name, as Pebble would pick it; anything else (maps, lists, Pebble's loop variables, calls with
 * arguments) is left to Pebble.
 */
final class RecordAttributes implements AttributeResolver {
    private static final ClassValue<Map<String, Function<Object, Object>>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Function<Object, Object>> computeValue(Class<?> type) {
            return type.isRecord() && Modifier.isPublic(type.getModifiers()) ? accessors(type) : Map.of();
        }
    };

    @Override
    public ResolvedAttribute resolve(Object instance, Object attributeName, Object[] argumentValues, ArgumentsNode args,
                                     EvaluationContextImpl context, String filename, int lineNumber) {
        if (instance == null || argumentValues != null) {
            return null;
        }
        Function<Object, Object> accessor = ACCESSORS.get(instance.getClass()).get(attributeName);
        return accessor == null ? null : new ResolvedAttribute(accessor.apply(instance));
    }

    private static Map<String, Function<Object, Object>> accessors(Class<?> type) {
        Map<String, Function<Object, Object>> accessors = new HashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 0 && method.getReturnType() != void.class) {
                accessors.put(method.getName(), function(method));
            }
        }
        return Map.copyOf(accessors);
    }

    /** A generated {@link Function} calling the method directly, as a lambda would. */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> function(Method method) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle target = lookup.unreflect(method);
            return (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                    MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), target,
                    MethodType.methodType(method.getReturnType().isPrimitive()
                            ? MethodType.methodType(method.getReturnType()).wrap().returnType() : method.getReturnType(),
                            method.getDeclaringClass()))
                    .getTarget().invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("No accessor for " + method, e);
        }
    }
}
