package dev.lamina.processor;

import com.google.auto.service.AutoService;

import dev.lamina.processor.diagnostics.Problem;
import dev.lamina.processor.diagnostics.Report;
import dev.lamina.processor.generate.NetworkGenerator;
import dev.lamina.processor.generate.NetworkIndex;
import dev.lamina.processor.generate.TrainerGenerator;
import dev.lamina.processor.model.TrainModel;
import dev.lamina.processor.model.NetworkModel;
import dev.lamina.processor.parse.LayerAnnotations;
import dev.lamina.processor.parse.NetworkParser;
import dev.lamina.processor.parse.TrainParser;
import dev.lamina.processor.parse.UnresolvedValueException;
import dev.lamina.processor.shapes.InferredNetwork;
import dev.lamina.processor.shapes.NetworkValidator;
import dev.lamina.processor.shapes.ShapeInference;
import dev.lamina.processor.shapes.TrainingValidator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Lamina's annotation processor: for each {@code @Network} class it parses the annotations into a model,
 * infers shapes, validates, and generates {@code <Name>Network}. It never throws: an unexpected
 * exception becomes one error on the network, and a network with errors gets no generated code.
 */
@AutoService(Processor.class)
public final class LaminaProcessor extends AbstractProcessor {

    private final Set<String> processed = new HashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> types = new HashSet<>(LayerAnnotations.QUALIFIED_NAMES);
        types.add(LayerAnnotations.NETWORK);
        types.add(TrainParser.TRAIN_ANNOTATION);
        types.addAll(TrainParser.TRAINING_COMPANIONS);
        return types;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement network = processingEnv.getElementUtils().getTypeElement(LayerAnnotations.NETWORK);
        if (network == null) {
            return false;
        }
        for (Element element : round.getElementsAnnotatedWith(network)) {
            TypeElement type = (TypeElement) element;
            // javac may hand the same class to a later round again after errors; report it once.
            if (processed.add(type.getQualifiedName().toString())) {
                processNetwork(type);
            }
        }
        reportLayersOutsideNetworks(annotations, round);
        return false;
    }

    private void processNetwork(TypeElement type) {
        Report report = new Report();
        try {
            Elements elements = processingEnv.getElementUtils();
            NetworkParser parser = new NetworkParser(elements, processingEnv.getTypeUtils());
            Optional<NetworkModel> model = parser.parse(type, report);
            Optional<TrainModel> train = new TrainParser(elements).parse(type, report);
            if (model.isPresent()) {
                NetworkValidator.validate(model.get(), report);
                InferredNetwork inferred = ShapeInference.infer(model.get(), report);
                if (train.isPresent() && !report.hasErrors()) {
                    new TrainingValidator(elements, processingEnv.getTypeUtils()).validate(inferred, train.get(), report);
                }
                if (!report.hasErrors()) {
                    new NetworkGenerator(elements).generate(inferred).writeTo(processingEnv.getFiler());
                    if (train.isPresent()) {
                        new TrainerGenerator(elements).generate(inferred, train.get()).writeTo(processingEnv.getFiler());
                    }
                    NetworkIndex.write(processingEnv.getFiler(), elements, type, model.get().name(), train.isPresent());
                }
            }
        } catch (UnresolvedValueException e) {
            // javac reports the unresolved symbol; an error of ours on top would only confuse.
            return;
        } catch (IOException | RuntimeException | Error e) {
            report.report(Problem.INTERNAL_ERROR, type, type.getQualifiedName(), stackTrace(e));
        }
        report.printTo(processingEnv.getMessager());
    }

    /**
     * Layer annotations on a field of a class that is not a network, or training annotations on a class
     * without {@code @Network}, would silently do nothing.
     */
    private void reportLayersOutsideNetworks(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            String name = annotation.getQualifiedName().toString();
            boolean layer = LayerAnnotations.QUALIFIED_NAMES.contains(name);
            boolean training = name.equals(TrainParser.TRAIN_ANNOTATION) || TrainParser.TRAINING_COMPANIONS.contains(name);
            if (!layer && !training) {
                continue;
            }
            for (Element annotated : round.getElementsAnnotatedWith(annotation)) {
                Element owner = layer ? annotated.getEnclosingElement() : annotated;
                boolean inNetwork = owner.getAnnotationMirrors().stream()
                        .anyMatch(a -> a.getAnnotationType().toString().equals(LayerAnnotations.NETWORK));
                if (inNetwork) {
                    continue;
                }
                String message = layer
                        ? Problem.LAYER_OUTSIDE_NETWORK.message(
                                annotated.getSimpleName(), annotation.getSimpleName(), owner.getSimpleName())
                        : Problem.TRAINING_OUTSIDE_NETWORK.message(owner.getSimpleName(), annotation.getSimpleName());
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, annotated);
            }
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
