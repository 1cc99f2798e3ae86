package dev.lamina.processor.generate;

import dev.lamina.dsl.Loss;
import dev.lamina.processor.model.BatchNormModel;
import dev.lamina.processor.model.DropoutModel;
import dev.lamina.processor.model.TrainModel;
import dev.lamina.processor.parse.GeneratedNames;
import dev.lamina.processor.shapes.InferredNetwork;
import dev.lamina.spec.contract.NetworkIndexEntry;
import dev.lamina.spec.contract.NetworkIndexFiles;
import dev.lamina.spec.contract.NetworkTestSettings;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Optional;

import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes each network's {@link NetworkIndexEntry} and the list of them into the class output, so tools
 * (the Maven plugin) and the test compilation (which generates each network's tests) know a module's
 * networks without loading any class. The format is the shared contract's; this class only says what a
 * checked network records.
 */
public final class NetworkIndex {

    private NetworkIndex() {}

    /** Writes the index entry of one network: what tools and the generated tests need to know of it. */
    public static void write(Filer filer, Elements elements, InferredNetwork network, Optional<TrainModel> train,
            NetworkTestSettings tests) throws IOException {
        NetworkIndexEntry entry = entry(elements, network, train, tests);
        TypeElement type = network.model().type();
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
                NetworkIndexFiles.entryPath(entry.userClass()), type);
        try (Writer out = file.openWriter()) {
            out.write(entry.write());
        }
    }

    static NetworkIndexEntry entry(Elements elements, InferredNetwork network, Optional<TrainModel> train,
            NetworkTestSettings tests) {
        TypeElement type = network.model().type();
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        String prefix = packageName.isEmpty() ? "" : packageName + ".";
        return new NetworkIndexEntry(
                network.model().name(),
                type.getQualifiedName().toString(),
                prefix + GeneratedNames.networkClass(type),
                train.map(t -> prefix + GeneratedNames.trainerClass(type)),
                network.output().dims(),
                train.map(TrainModel::loss).orElse(lossFittingTheOutput(network)).name(),
                network.stages().stream()
                        .flatMap(stage -> stage.layers().stream())
                        .filter(layer -> layer.layer() instanceof DropoutModel)
                        .map(layer -> ((DropoutModel) layer.layer()).p())
                        .toList(),
                network.stages().stream()
                        .flatMap(stage -> stage.layers().stream())
                        .anyMatch(layer -> layer.layer() instanceof BatchNormModel),
                tests);
    }

    /** Without {@code @Train}, the generated tests train with the loss the output layer suits. */
    private static Loss lossFittingTheOutput(InferredNetwork network) {
        return network.output().size() >= 2 ? Loss.CROSS_ENTROPY : Loss.BCE_WITH_LOGITS;
    }

    /** Writes the list of the networks this compilation indexed. */
    public static void writeList(Filer filer, Collection<String> qualifiedNames, Element... originating)
            throws IOException {
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", NetworkIndexFiles.LIST, originating);
        try (Writer out = file.openWriter()) {
            out.write(NetworkIndexFiles.listText(qualifiedNames));
        }
    }
}
