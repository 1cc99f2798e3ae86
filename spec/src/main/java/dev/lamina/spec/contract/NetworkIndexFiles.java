package dev.lamina.spec.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Where a module's network index lives among its compiled classes, and the format of its list. Tools find
 * a module's networks there without loading any of its classes: the Maven plugin, which must keep DJL out
 * of Maven's JVM, and the test compilation, which only sees the main classes as class path resources.
 */
public final class NetworkIndexFiles {

    /** The folder of the index entries, one {@code <qualified user class>.properties} per network. */
    public static final String FOLDER = "META-INF/lamina/networks/";

    /** The list of a module's networks, one qualified user class name per line. */
    public static final String LIST = "META-INF/lamina/networks.list";

    /** The ending of an entry's file name. */
    public static final String ENTRY_SUFFIX = ".properties";

    private NetworkIndexFiles() {}

    /** The resource path of the entry of the network whose user class is {@code qualifiedClassName}. */
    public static String entryPath(String qualifiedClassName) {
        return FOLDER + qualifiedClassName + ENTRY_SUFFIX;
    }

    /** The list's text: the names sorted, so the file is the same whatever order javac found them in. */
    public static String listText(Collection<String> qualifiedClassNames) {
        StringBuilder text = new StringBuilder();
        for (String name : new TreeSet<>(qualifiedClassNames)) {
            text.append(name).append('\n');
        }
        return text.toString();
    }

    /** The names in a list's text; blank lines are skipped. */
    public static List<String> parseList(String text) {
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                names.add(line.trim());
            }
        }
        return names;
    }
}
