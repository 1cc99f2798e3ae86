package dev.lamina.processor.generate;

import dev.lamina.spec.contract.NetworkIndexEntry;
import dev.lamina.spec.contract.NetworkIndexFiles;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.NoSuchFileException;

import javax.annotation.processing.Filer;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Generates the network tests in a test compilation: there the module's compiled classes, with the network
 * index the main compilation wrote, are on the class path, and so is JUnit. Nothing for the user to
 * configure beyond the processor path they already have.
 */
public final class NetworkTestStep {

    private static final String JUNIT_TEST = "org.junit.jupiter.api.Test";

    private NetworkTestStep() {}

    /** Whether this compilation is one to generate tests in: JUnit is there and the network index is. */
    public static boolean applies(Elements elements, Filer filer) {
        return elements.getTypeElement(JUNIT_TEST) != null && read(filer, NetworkIndexFiles.LIST) != null;
    }

    public static void generate(Filer filer) throws IOException {
        String list = read(filer, NetworkIndexFiles.LIST);
        if (list == null) {
            return;
        }
        for (String qualifiedName : NetworkIndexFiles.parseList(list)) {
            String entryText = read(filer, NetworkIndexFiles.entryPath(qualifiedName));
            if (entryText == null) {
                continue;
            }
            NetworkIndexEntry entry = NetworkIndexEntry.parse(entryText);
            if (!entry.tests().enabled()) {
                continue;
            }
            NetworkTestGenerator.generate(subject(entry)).writeTo(filer);
        }
    }

    private static NetworkTestGenerator.Subject subject(NetworkIndexEntry entry) {
        String network = entry.networkClass();
        int dot = network.lastIndexOf('.');
        return new NetworkTestGenerator.Subject(
                dot < 0 ? "" : network.substring(0, dot),
                entry.name(),
                network.substring(dot + 1),
                entry.outputShape(),
                entry.loss(),
                entry.dropoutRates(),
                entry.batchNorm(),
                entry.tests());
    }

    /** A class path resource's text, or null if there is none. */
    private static String read(Filer filer, String name) {
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_PATH, "", name);
            try (Reader in = file.openReader(true)) {
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[4096];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    text.append(buffer, 0, n);
                }
                return text.toString();
            }
        } catch (FileNotFoundException | NoSuchFileException | IllegalArgumentException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
