package dev.lamina.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diagnostics.Problem;
import dev.lamina.processor.parse.UnresolvedValueException;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which networks still waiting after the last round get Lamina's own error. */
class DeferredNetworksTest {

    @Test
    void onlyWhatTheCompilerLeavesSilentIsReported() {
        DeferredNetworks deferred = new DeferredNetworks();
        deferred.defer("test.Typo", new UnresolvedValueException("Train", "data", "MnistDta", true));
        deferred.defer("test.Silent", new UnresolvedValueException("Train", "data", "LateData", false));
        deferred.defer("test.Later", new UnresolvedValueException("Train", "data", "GeneratedData", false));
        deferred.done("test.Later");

        assertEquals(List.of("test.Typo", "test.Silent"), List.copyOf(deferred.names()));
        assertEquals(List.of("test.Silent"), List.copyOf(deferred.unreported().keySet()));
    }

    @Test
    void theErrorNamesTheNetworkTheAttributeAndTheValue() {
        UnresolvedValueException reason = new UnresolvedValueException("Train", "data", "LateData", false);
        String message = Problem.UNRESOLVED_VALUE.message("test.Silent", reason.annotation(), reason.attribute(),
                reason.value());
        assertTrue(message.startsWith("[lamina:unresolved] test.Silent: @Train(data) is still unresolved (LateData)"),
                message);
        assertTrue(message.contains("nothing was generated for the network"), message);
    }
}
