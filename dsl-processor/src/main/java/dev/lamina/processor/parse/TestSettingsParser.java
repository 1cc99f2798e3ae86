package dev.lamina.processor.parse;

import dev.lamina.processor.diagnostics.Problem;
import dev.lamina.processor.diagnostics.Report;
import dev.lamina.processor.model.Source;
import dev.lamina.spec.contract.NetworkTestSettings;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads and checks a network's {@code @NetworkTests}. */
public final class TestSettingsParser {

    static final String NETWORK_TESTS = LayerAnnotations.PACKAGE + ".NetworkTests";

    private final AnnotationValues values;

    public TestSettingsParser(Elements elements) {
        this.values = new AnnotationValues(elements);
    }

    public NetworkTestSettings parse(TypeElement type, Report report) {
        for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
            if (!NetworkParser.qualifiedName(annotation).equals(NETWORK_TESTS)) {
                continue;
            }
            Source source = new Source(type, annotation);
            NetworkTestSettings settings = new NetworkTestSettings(
                    (Boolean) values.get(annotation, "enabled").getValue(),
                    values.getInt(annotation, "batchSize"),
                    values.getInt(annotation, "steps"),
                    values.getDouble(annotation, "tolerance"));
            String name = type.getSimpleName().toString();
            if (settings.batchSize() < 2) {
                report.report(Problem.TRAINING_VALUE_OUT_OF_RANGE, source.at("batchSize"), name, "NetworkTests",
                        "batchSize", settings.batchSize(), "the tests compare samples within a batch; use at least 2");
            }
            if (settings.steps() < 1) {
                report.report(Problem.TRAINING_VALUE_OUT_OF_RANGE, source.at("steps"), name, "NetworkTests", "steps",
                        settings.steps(), "the learning test needs at least 1 step");
            }
            if (!(settings.tolerance() >= 0) || Double.isInfinite(settings.tolerance())) {
                report.report(Problem.TRAINING_VALUE_OUT_OF_RANGE, source.at("tolerance"), name, "NetworkTests",
                        "tolerance", settings.tolerance(), "must be a finite number, 0 or more");
            }
            return settings;
        }
        return NetworkTestSettings.DEFAULTS;
    }
}
