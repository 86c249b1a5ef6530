package io.trustline.infra;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} and {@code --flag} command-line options. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            values.put(name, hasValue ? args[++i] : "true");
        }
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    int requiredInt(String name) {
        return Integer.parseInt(required(name));
    }

    String optional(String name) {
        return values.get(name);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }
}
