package dev.lamina.runtime;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;

import dev.lamina.spec.SpecTree;

import java.io.IOException;

/**
 * An architecture as JSON text, for files that carry their network: {@code {"name": "MnistMlp", "input":
 * [784], "stages": [{"name": "hidden1", "layers": [{"kind": "Linear", "in": 784, "out": 300}, ...]}]}}. The
 * tree is the spec module's ({@link SpecTree}); Gson only reads and writes the text.
 */
public final class ArchitectureJson {

    /** Whole numbers stay longs, so widths read back exactly. */
    private static final Gson GSON = new GsonBuilder()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .disableHtmlEscaping()
            .create();

    /** Far more than any network needs (the seed network takes 500 characters); bounds what a file can make us parse. */
    private static final int MAX_TEXT_LENGTH = 1 << 20;

    private ArchitectureJson() {}

    public static String write(Architecture architecture) {
        return GSON.toJson(SpecTree.toTree(architecture.spec()));
    }

    /**
     * The architecture {@code json} describes, checked as a hand-built one is: every layer's values, the
     * shapes through the network, the names; a key given twice in one object is refused.
     *
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static Architecture read(String json) {
        return Architecture.of(SpecTree.network(tree(json, "architecture", "an architecture")));
    }

    /**
     * The JSON tree of a network description, bounded in length and refused with a key given twice.
     *
     * @param what the description's name in messages ({@code architecture}, {@code graph})
     * @param article {@code what} with its article, to start a message
     */
    static Object tree(String json, String what, String article) {
        if (json.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(article + " of " + json.length()
                    + " characters is not a network description (at most " + MAX_TEXT_LENGTH + ")");
        }
        try {
            Object tree = GSON.fromJson(json, Object.class);
            DuplicateKeys.check(json);
            return tree;
        } catch (JsonParseException | IOException e) {
            throw new IllegalArgumentException("the " + what + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
