package org.understudy.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fields a fabric8 or Strimzi model did not know. Both keep such fields in an
 * {@code additionalProperties} map instead of refusing them (Kubernetes itself would drop them
 * silently), so a misspelt field would pass unnoticed: this walks the model and names each one.
 */
final class UnknownFields {
    private UnknownFields() {
    }

    static List<String> in(Object model) {
        Set<String> unknown = new LinkedHashSet<>();
        walk(model, "", unknown);
        return List.copyOf(unknown);
    }

    // A model may answer the same getter twice (a bridge method), so the names are a set.
    private static void walk(Object value, String path, Set<String> unknown) {
        if (value == null || !isModel(value.getClass())) {
            if (value instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    walk(item, path + "[" + i++ + "]", unknown);
                }
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((key, item) -> walk(item, join(path, String.valueOf(key)), unknown));
            }
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(join(path, String.valueOf(key))));
                }
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            walk(field, join(path, name), unknown);
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return !type.isEnum() && (name.startsWith("io.fabric8.") || name.startsWith("io.strimzi."));
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
