package dev.lamina.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Fuzzes the processor with generated network definitions, valid and invalid ({@link CaseGenerator}), judged
 * by an independent {@link Oracle}, checked by {@link FuzzCampaign}. In CI: a fixed seed and 1,500 cases,
 * stopping early after 90 seconds. Known, not yet fixed bugs ({@link KnownBugs}) are reported, not failed.
 *
 * <p>System properties, for a longer campaign or to chase a failure:
 *
 * <ul>
 *   <li>{@code lamina.fuzz.seed}, {@code lamina.fuzz.cases}, {@code lamina.fuzz.seconds} (wall-time budget),
 *       {@code lamina.fuzz.batch} (cases per javac run, 40), {@code lamina.fuzz.sampleEvery} (run every n-th
 *       small valid network on DJL, 10), {@code lamina.fuzz.sampleCap} (at most that many, 60),
 *       {@code lamina.fuzz.batchTimeoutSeconds} (a javac run taking longer is a hang, 120);
 *   <li>{@code lamina.fuzz.strict=true}: known bugs fail too;
 *   <li>{@code lamina.fuzz.case=N}: replays case N alone, printing its source and verdict;
 *       {@code lamina.fuzz.trace=true} prints every diagnostic;
 *   <li>{@code lamina.fuzz.grep=REGEX}: lists the cases (among the first {@code lamina.fuzz.cases}) whose
 *       source matches, with their verdicts, without compiling anything;
 *   <li>{@code lamina.fuzz.reportDirectory} (default {@code target/fuzz}): the report and, under
 *       {@code failures/}, the source of every failing case with its failures.
 * </ul>
 *
 * <p>A long campaign: {@code mvn test -pl dsl-processor -Dtest=ProcessorFuzzTest -Dlamina.fuzz.cases=20000
 * -Dlamina.fuzz.seed=1 -Dlamina.fuzz.seconds=3000}.
 */
class ProcessorFuzzTest {

    static final long CI_SEED = 20240607L;

    @Test
    void processorHoldsItsPropertiesOnGeneratedNetworks() {
        FuzzCampaign campaign = new FuzzCampaign(
                FuzzCampaign.Settings.fromSystemProperties(CI_SEED, 1500, Duration.ofSeconds(90)));
        String grep = System.getProperty("lamina.fuzz.grep");
        if (grep != null) {
            Pattern pattern = Pattern.compile(grep);
            for (int i = 0; i < Integer.getInteger("lamina.fuzz.cases", 1500); i++) {
                FuzzCase c = campaign.generate(i);
                if (pattern.matcher(c.render()).find()) {
                    System.out.println("case " + i + ": " + Oracle.judge(c));
                }
            }
            return;
        }
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
        assertTrue(failures.isEmpty(), failures.size() + " failures (see target/fuzz), first: " + (failures.isEmpty()
                ? "" : failures.get(0).headline() + "\n" + failures.get(0).fuzzCase().render()));
    }
}
