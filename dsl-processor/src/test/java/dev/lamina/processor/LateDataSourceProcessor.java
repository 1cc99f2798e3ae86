package dev.lamina.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A stand-in for another team's annotation processor: it generates {@code test.GeneratedData}, a data
 * source, only in its second round (writing a placeholder class in the first so there is a second round),
 * so the class exists from the third round on. A network that names it must wait that long.
 */
final class LateDataSourceProcessor extends AbstractProcessor {

    private int round;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment environment) {
        if (environment.processingOver()) {
            return false;
        }
        round++;
        if (round == 1) {
            write("test.DataComing", "package test;\nfinal class DataComing {}\n");
        } else if (round == 2) {
            write("test.GeneratedData", """
                    package test;
                    import dev.lamina.runtime.data.DataContext;
                    import dev.lamina.runtime.data.DataSource;
                    import dev.lamina.runtime.data.TrainTestData;
                    public final class GeneratedData implements DataSource<float[]> {
                        @Override public TrainTestData load(DataContext context) {
                            throw new UnsupportedOperationException();
                        }
                    }
                    """);
        }
        return false;
    }

    private void write(String className, String source) {
        try (Writer out = processingEnv.getFiler().createSourceFile(className).openWriter()) {
            out.write(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
