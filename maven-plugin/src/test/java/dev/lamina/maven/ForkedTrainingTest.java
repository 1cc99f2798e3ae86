package dev.lamina.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;

class ForkedTrainingTest {

    @Test
    void theUsersJvmArgsComeAfterLaminasDefaultsSoTheyWin() {
        List<String> command = ForkedTraining.command("java", List.of("-Xmn256m", "-Xmx4g"), "a.jar:b.jar",
                List.of("-Dlamina.baseDir=/p"), "dev.example.NetTrainer", List.of("--epochs=3"));
        assertEquals(List.of("java", "--enable-native-access=ALL-UNNAMED", "-Xmn64m", "-XX:+AlwaysPreTouch", "-XX:MinHeapFreeRatio=10", "-XX:GCTimeRatio=4",
                "-Xmn256m", "-Xmx4g", "-cp", "a.jar:b.jar", "-Dlamina.baseDir=/p",
                "dev.example.NetTrainer", "--epochs=3"), command);
    }
}
