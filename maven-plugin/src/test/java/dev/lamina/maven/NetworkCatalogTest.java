package dev.lamina.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.spec.contract.NetworkIndexEntry;
import dev.lamina.spec.contract.NetworkIndexFiles;
import dev.lamina.spec.contract.NetworkTestSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the network to train from the processor's index files. */
class NetworkCatalogTest {

    @TempDir
    Path classes;

    @Test
    void findsANetworkBySimpleQualifiedOrDeclaredName() throws Exception {
        index("com.acme.MnistMlp", "MnistMlp", true);
        index("com.acme.Tox", "Tox21", true);
        NetworkCatalog catalog = NetworkCatalog.read(classes);
        assertEquals("com.acme.MnistMlpTrainer", catalog.choose("MnistMlp").trainerClass().orElseThrow());
        assertEquals("com.acme.MnistMlpTrainer", catalog.choose("com.acme.MnistMlp").trainerClass().orElseThrow());
        assertEquals("com.acme.ToxTrainer", catalog.choose("Tox21").trainerClass().orElseThrow());
    }

    @Test
    void theOnlyNetworkNeedsNoName() throws Exception {
        index("com.acme.MnistMlp", "MnistMlp", true);
        assertEquals("MnistMlp", NetworkCatalog.read(classes).choose(null).name());
    }

    @Test
    void severalNetworksNeedANameAndTheErrorListsThem() throws Exception {
        index("com.acme.MnistMlp", "MnistMlp", true);
        index("com.acme.Tox", "Tox21", true);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> NetworkCatalog.read(classes).choose(null));
        assertEquals("this project has 2 networks; choose one with -Dlamina.network=<name>: MnistMlp, Tox", e.getMessage());
    }

    @Test
    void unknownNetworkListsTheKnownOnes() throws Exception {
        index("com.acme.MnistMlp", "MnistMlp", true);
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> NetworkCatalog.read(classes).choose("MnistCnn"));
        assertEquals("unknown network 'MnistCnn'; this project's networks are: MnistMlp", e.getMessage());
    }

    @Test
    void sameSimpleNameInTwoPackagesIsAmbiguous() throws Exception {
        index("com.acme.Mlp", "Mlp", true);
        index("org.other.Mlp", "Mlp", true);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> NetworkCatalog.read(classes).choose("Mlp"));
        assertEquals("network 'Mlp' is ambiguous; use the qualified class name: com.acme.Mlp, org.other.Mlp", e.getMessage());
    }

    @Test
    void aNetworkWithoutTrainCannotBeTrained() throws Exception {
        index("com.acme.Frozen", "Frozen", false);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> NetworkCatalog.read(classes).choose(null));
        assertEquals("Frozen cannot be trained from Maven: it has no @Train. Add @Train(data = YourDataSource.class) to"
                + " com.acme.Frozen", e.getMessage());
    }

    @Test
    void aProjectWithoutNetworksPointsAtTheProcessorSetup() throws Exception {
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> NetworkCatalog.read(classes).choose(null));
        assertTrue(e.getMessage().contains("annotationProcessorPaths"), e.getMessage());
    }

    private void index(String userClass, String name, boolean trainable) throws IOException {
        String generated = userClass.substring(0, userClass.lastIndexOf('.') + 1)
                + userClass.substring(userClass.lastIndexOf('.') + 1);
        NetworkIndexEntry entry = new NetworkIndexEntry(name, userClass, generated + "Network",
                trainable ? Optional.of(generated + "Trainer") : Optional.empty(), List.of(10L), "CROSS_ENTROPY",
                List.of(), false, NetworkTestSettings.DEFAULTS);
        Path file = classes.resolve(NetworkIndexFiles.entryPath(userClass));
        Files.createDirectories(file.getParent());
        Files.writeString(file, entry.write());
    }
}
