package dev.lamina.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Fuzzes the processor; see {@link FuzzCampaign}. */
class ProcessorFuzzTest {

    @Test
    void processorHoldsItsPropertiesOnGeneratedNetworks() {
        FuzzCampaign campaign = new FuzzCampaign(FuzzCampaign.Settings.fromSystemProperties(20240607L, 400,
                Duration.ofSeconds(90)));
        String replay = System.getProperty("lamina.fuzz.case");
        if (replay != null) {
            FuzzCase c = campaign.generate(Integer.parseInt(replay));
            System.out.println(c + "\nverdict: " + Oracle.judge(c));
            campaign.runCases(List.of(c));
        } else {
            campaign.run();
        }
        campaign.writeReport();
        System.out.println(campaign.report());
        List<FuzzCampaign.Failure> failures = campaign.newFailures();
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + (failures.isEmpty() ? ""
                : failures.get(0).headline() + "\n" + failures.get(0).fuzzCase().render()));
    }
}
