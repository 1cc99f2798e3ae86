package dev.lamina.runtime;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds a key that an object of a JSON text holds twice. JSON leaves the meaning open and Gson keeps the last
 * value silently, so a file could say one thing to a reader that keeps the first and another to Lamina.
 */
final class DuplicateKeys {

    private DuplicateKeys() {}

    /** @throws IllegalArgumentException naming the first repeated key and where it is */
    static void check(String json) throws IOException {
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            Deque<Set<String>> objects = new ArrayDeque<>();
            while (true) {
                JsonToken token = reader.peek();
                switch (token) {
                    case BEGIN_OBJECT -> {
                        reader.beginObject();
                        objects.push(new HashSet<>());
                    }
                    case END_OBJECT -> {
                        reader.endObject();
                        objects.pop();
                    }
                    case BEGIN_ARRAY -> reader.beginArray();
                    case END_ARRAY -> reader.endArray();
                    case NAME -> {
                        String path = reader.getPath();
                        String name = reader.nextName();
                        if (!objects.peek().add(name)) {
                            throw new IllegalArgumentException("the architecture names '" + name + "' twice at "
                                    + path.substring(0, path.lastIndexOf('.')));
                        }
                    }
                    case END_DOCUMENT -> {
                        return;
                    }
                    default -> reader.skipValue();
                }
            }
        }
    }
}
