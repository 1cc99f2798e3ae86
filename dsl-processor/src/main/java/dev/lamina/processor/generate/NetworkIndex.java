package dev.lamina.processor.generate;

import dev.lamina.processor.parse.GeneratedNames;

import java.io.IOException;
import java.io.Writer;

import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/lamina/networks/<qualified class>.properties} for each network, so tools (the
 * Maven plugin) can list a project's networks and find their trainers without loading any class. One file
 * per network keeps the processor isolating: each file depends on its own class only.
 */
public final class NetworkIndex {

    public static final String FOLDER = "META-INF/lamina/networks/";

    private NetworkIndex() {}

    public static void write(Filer filer, Elements elements, TypeElement type, String networkName, boolean trainable)
            throws IOException {
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        String prefix = packageName.isEmpty() ? "" : packageName + ".";
        String generated = GeneratedNames.networkClass(type);
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
                FOLDER + type.getQualifiedName() + ".properties", type);
        try (Writer out = file.openWriter()) {
            out.write("# Written by the Lamina annotation processor.\n");
            out.write("name=" + networkName + "\n");
            out.write("class=" + type.getQualifiedName() + "\n");
            out.write("network=" + prefix + generated + "\n");
            if (trainable) {
                out.write("trainer=" + prefix + generated.replaceFirst("Network$", "Trainer") + "\n");
            }
        }
    }
}
