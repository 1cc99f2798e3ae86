package dev.lamina.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        assertEquals("com.acme.MnistMlpTrainer", catalog.choose("MnistMlp").trainerClass());
        assertEquals("com.acme.MnistMlpTrainer", catalog.choose("com.acme.MnistMlp").trainerClass());
        assertEquals("com.acme.ToxTrainer", catalog.choose("Tox21").trainerClass());
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
        Path folder = Files.createDirectories(classes.resolve(NetworkCatalog.FOLDER));
        String generated = userClass.substring(0, userClass.lastIndexOf('.') + 1)
                + userClass.substring(userClass.lastIndexOf('.') + 1);
        Files.writeString(folder.resolve(userClass + ".properties"),
                "name=" + name + "\nclass=" + userClass + "\nnetwork=" + generated + "Network\n"
                        + (trainable ? "trainer=" + generated + "Trainer\n" : ""));
    }
}
