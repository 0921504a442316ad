package dev.runtimeservice.manager.kubernetes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fields of a Kubernetes object that its kind does not have, as fabric8's model sees them: the model is generated
 * from Kubernetes' OpenAPI schema, and a field it does not know (a typo such as {@code readinesProbe}, a field at the
 * wrong level) is kept in the additional properties of the object it sits in. This checks what {@code kubectl
 * --validate=strict} would check against an API server's schema, where no API server can be had.
 */
final class UnknownFields {

    private static final String MODEL = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {}

    /** The paths of the unknown fields in {@code object}, such as {@code spec.containers[0].readinesProbe}. */
    static List<String> of(Object object) {
        List<String> unknown = new ArrayList<>();
        walk(object, "", unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", unknown);
            }
        } else if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> walk(item, path + "." + key, unknown));
        } else if (value != null && value.getClass().getName().startsWith(MODEL)) {
            for (Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() == 0
                        && getter.getName().startsWith("get")
                        && getter.getDeclaringClass() != Object.class) {
                    fieldOf(value, getter, path, unknown);
                }
            }
        }
    }

    private static void fieldOf(Object value, Method getter, String path, List<String> unknown) {
        Object field;
        try {
            field = getter.invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + path + " through " + getter, e);
        }
        String name = Character.toLowerCase(getter.getName().charAt(3))
                + getter.getName().substring(4);
        String where = path.isEmpty() ? name : path + "." + name;
        if (name.equals("additionalProperties") && field instanceof Map<?, ?> extra) {
            extra.keySet().forEach(key -> unknown.add(path.isEmpty() ? String.valueOf(key) : path + "." + key));
        } else {
            walk(field, where, unknown);
        }
    }
}
