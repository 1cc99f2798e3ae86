package dev.lamina.processor.generate;

import dev.lamina.processor.model.BatchNormModel;
import dev.lamina.processor.model.DropoutModel;
import dev.lamina.processor.model.TestSettings;
import dev.lamina.processor.model.TrainModel;
import dev.lamina.processor.parse.GeneratedNames;
import dev.lamina.processor.shapes.InferredNetwork;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/lamina/networks/<qualified class>.properties} for each network, and the list of
 * them, so tools (the Maven plugin) and the test compilation (which generates each network's tests) know a
 * module's networks without loading any class.
 */
public final class NetworkIndex {

    public static final String FOLDER = "META-INF/lamina/networks/";

    private NetworkIndex() {}

    /** The list of a module's networks, one qualified class name per line. */
    public static final String LIST = "META-INF/lamina/networks.list";

    /** Writes the index entry of one network: what tools and the generated tests need to know of it. */
    public static void write(Filer filer, Elements elements, InferredNetwork network, Optional<TrainModel> train,
            TestSettings tests) throws IOException {
        TypeElement type = network.model().type();
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        String prefix = packageName.isEmpty() ? "" : packageName + ".";
        String generated = GeneratedNames.networkClass(type);
        Properties entry = new Properties();
        entry.setProperty("name", network.model().name());
        entry.setProperty("class", type.getQualifiedName().toString());
        entry.setProperty("network", prefix + generated);
        train.ifPresent(t -> entry.setProperty("trainer", prefix + GeneratedNames.trainerClass(type)));
        entry.setProperty("output", network.output().dims().stream().map(String::valueOf).collect(Collectors.joining(",")));
        entry.setProperty("loss", train.map(TrainModel::loss)
                .orElse(network.output().size() >= 2 ? "CROSS_ENTROPY" : "BCE_WITH_LOGITS"));
        entry.setProperty("dropout", network.stages().stream()
                .flatMap(stage -> stage.layers().stream())
                .filter(layer -> layer.layer() instanceof DropoutModel)
                .map(layer -> String.valueOf(((DropoutModel) layer.layer()).p()))
                .collect(Collectors.joining(",")));
        entry.setProperty("batchNorm", String.valueOf(network.stages().stream()
                .flatMap(stage -> stage.layers().stream())
                .anyMatch(layer -> layer.layer() instanceof BatchNormModel)));
        tests.store(entry);
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
                FOLDER + type.getQualifiedName() + ".properties", type);
        try (Writer out = file.openWriter()) {
            // Properties.store writes a timestamp; entries sorted by hand keep the output deterministic.
            out.write("# Written by the Lamina annotation processor.\n");
            for (String key : new TreeSet<>(entry.stringPropertyNames())) {
                out.write(key + "=" + entry.getProperty(key) + "\n");
            }
        }
    }

    /** Writes the list of the networks this compilation indexed. */
    public static void writeList(Filer filer, Collection<String> qualifiedNames, Element... originating)
            throws IOException {
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", LIST, originating);
        try (Writer out = file.openWriter()) {
            for (String name : new TreeSet<>(qualifiedNames)) {
                out.write(name + "\n");
            }
        }
    }
}
