package dev.aiworkbench.eval.scripts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

import java.util.Iterator;
import java.util.Map;

/**
 * JSON values into JavaScript and back, as {@code JSON.parse} and {@code JSON.stringify} would carry them, built
 * directly rather than through text: a case's context is made for every assertion, and this is the cheap way.
 */
final class RhinoValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 64;

    private RhinoValues() {
    }

    static Object toJs(Context cx, Scriptable scope, JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return Undefined.instance;
        }
        return switch (node.getNodeType()) {
            case NULL -> null;
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> node.doubleValue();
            case STRING -> node.textValue();
            case ARRAY -> {
                Object[] items = new Object[node.size()];
                for (int i = 0; i < items.length; i++) {
                    items[i] = toJs(cx, scope, node.get(i));
                }
                yield cx.newArray(scope, items);
            }
            case OBJECT -> {
                Scriptable object = cx.newObject(scope);
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    ScriptableObject.putProperty(object, field.getKey(), toJs(cx, scope, field.getValue()));
                }
                yield object;
            }
            default -> Context.javaToJS(node.asText(), scope);
        };
    }

    /** {@code undefined} becomes a missing node; functions and {@code undefined} inside objects are left out. */
    static JsonNode toJson(Object value) {
        return toJson(value, 0);
    }

    /** A whole number as a whole number, so that it prints as {@code JSON.stringify} prints it ({@code 5}, not 5.0). */
    private static JsonNode number(double value) {
        boolean whole = value == Math.rint(value) && Math.abs(value) < 1e15 && !(value == 0 && 1 / value < 0);
        if (!whole) {
            return NODES.numberNode(value);
        }
        long integral = (long) value;
        return integral == (int) integral ? NODES.numberNode((int) integral) : NODES.numberNode(integral);
    }

    private static JsonNode toJson(Object value, int depth) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Undefined || value instanceof Function) {
            return MissingNode.getInstance();
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            return number(n.doubleValue());
        }
        if (value instanceof CharSequence text) {
            return NODES.textNode(text.toString());
        }
        if (depth >= MAX_DEPTH) {
            return NODES.nullNode();
        }
        if (value instanceof NativeArray array) {
            ArrayNode list = NODES.arrayNode();
            for (long i = 0; i < array.getLength(); i++) {
                JsonNode item = toJson(array.get((int) i, array), depth + 1);
                list.add(item.isMissingNode() ? NODES.nullNode() : item);
            }
            return list;
        }
        if (value instanceof Scriptable object) {
            if ("Boolean".equals(object.getClassName()) || "Number".equals(object.getClassName())
                    || "String".equals(object.getClassName())) {
                return toJson(Context.jsToJava(value, Object.class), depth);
            }
            ObjectNode map = NODES.objectNode();
            for (Object id : object.getIds()) {
                String name = String.valueOf(id);
                Object property = id instanceof Integer index ? ScriptableObject.getProperty(object, index)
                        : ScriptableObject.getProperty(object, name);
                JsonNode item = toJson(property, depth + 1);
                if (!item.isMissingNode()) {
                    map.set(name, item);
                }
            }
            return map;
        }
        return NODES.textNode(String.valueOf(value));
    }
}
