package dev.lamina.processor;

import com.google.auto.service.AutoService;

import dev.lamina.processor.diagnostics.Problem;
import dev.lamina.processor.diagnostics.Report;
import dev.lamina.processor.generate.GraphNetworkGenerator;
import dev.lamina.processor.generate.ModelClassGenerator;
import dev.lamina.processor.model.GraphModel;
import dev.lamina.processor.parse.GeneratedNames;
import dev.lamina.processor.parse.GraphParser;
import dev.lamina.processor.shapes.GraphInference;
import dev.lamina.spec.graph.GraphSpec;
import dev.lamina.processor.generate.NetworkGenerator;
import dev.lamina.processor.generate.NetworkIndex;
import dev.lamina.processor.generate.NetworkTestStep;
import dev.lamina.spec.contract.NetworkTestSettings;
import dev.lamina.processor.generate.TrainerGenerator;
import dev.lamina.processor.model.TrainModel;
import dev.lamina.processor.model.NetworkModel;
import dev.lamina.processor.parse.LayerAnnotations;
import dev.lamina.processor.parse.NetworkParser;
import dev.lamina.processor.parse.TestSettingsParser;
import dev.lamina.processor.parse.TrainParser;
import dev.lamina.processor.parse.UnresolvedValueException;
import dev.lamina.processor.shapes.InferredNetwork;
import dev.lamina.processor.shapes.NetworkValidator;
import dev.lamina.processor.shapes.RawInputs;
import dev.lamina.processor.shapes.ShapeInference;
import dev.lamina.processor.shapes.TrainingValidator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Lamina's annotation processor: for each {@code @Network} class it parses the annotations into a model,
 * infers shapes, validates, and generates {@code <Name>Network}. It never throws: an unexpected
 * exception becomes one error on the network, and a network with errors gets no generated code. A network
 * whose annotations name something not generated yet waits for a later round ({@link DeferredNetworks}).
 */
@AutoService(Processor.class)
public final class LaminaProcessor extends AbstractProcessor {

    /** Networks processed to the end (generated or reported), by qualified name. */
    private final Set<String> processed = new HashSet<>();
    private final DeferredNetworks deferred = new DeferredNetworks();
    /** Networks generated in this compilation, by qualified name, for the network list. */
    private final Map<String, Element> indexed = new LinkedHashMap<>();
    private boolean firstRound = true;
    /** The first network of this compilation with each {@code @Network} name: a run folder is named after it. */
    private final Map<String, TypeElement> networksByName = new HashMap<>();
    /** Every top-level type of this compilation so far, by qualified name: they have sources to point at. */
    private final Set<String> compiledTypes = new HashSet<>();

    /**
     * Every annotation: besides its own, the processor must also run in test compilations, which need not
     * contain any Lamina annotation, to generate the network tests there. It claims nothing.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
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
        for (Element root : round.getRootElements()) {
            if (root instanceof TypeElement type) {
                compiledTypes.add(type.getQualifiedName().toString());
            }
        }
        Set<? extends Element> networks = round.getElementsAnnotatedWith(network);
        if (firstRound) {
            firstRound = false;
            generateNetworkTests(networks.isEmpty());
        }
        if (round.processingOver()) {
            // A class another processor generates now is entered only after this round: too late for a network.
            reportUnresolved();
        } else {
            processRound(networks);
        }
        reportLayersOutsideNetworks(annotations, round);
        if (round.processingOver() && !indexed.isEmpty()) {
            writeNetworkList();
        }
        return false;
    }

    /** This round's networks, and those deferred by earlier rounds, each looked up afresh by name. */
    private void processRound(Set<? extends Element> networks) {
        Map<String, TypeElement> candidates = new LinkedHashMap<>();
        for (String name : deferred.names()) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                candidates.put(name, type);
            }
        }
        for (Element element : networks) {
            TypeElement type = (TypeElement) element;
            candidates.put(type.getQualifiedName().toString(), type);
        }
        candidates.forEach((name, type) -> {
            // javac may hand the same class to a later round again after errors; report it once.
            if (processed.contains(name)) {
                return;
            }
            Optional<UnresolvedValueException> unresolved = processNetwork(type);
            if (unresolved.isPresent()) {
                deferred.defer(name, unresolved.get());
            } else {
                deferred.done(name);
                processed.add(name);
            }
        });
    }

    /**
     * One error per network whose values never resolved and that the compiler leaves silent (see {@link
     * DeferredNetworks#unreported()}), so that a network never ends up without generated code and without
     * an error.
     */
    private void reportUnresolved() {
        deferred.unreported().forEach((name, reason) -> {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            String message = Problem.UNRESOLVED_VALUE.message(name, reason.annotation(), reason.attribute(),
                    reason.value());
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, type);
        });
    }

    /** In a test compilation (JUnit and the module's network index on the class path): each network's tests. */
    private void generateNetworkTests(boolean compilesNoNetwork) {
        Filer filer = processingEnv.getFiler();
        try {
            if (compilesNoNetwork && NetworkTestStep.applies(processingEnv.getElementUtils(), filer)) {
                NetworkTestStep.generate(filer);
            }
        } catch (IOException | RuntimeException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Problem.INTERNAL_ERROR.message("the generated network tests", stackTrace(e)));
        }
    }

    private void writeNetworkList() {
        try {
            NetworkIndex.writeList(processingEnv.getFiler(), indexed.keySet(), indexed.values().toArray(new Element[0]));
        } catch (IOException | RuntimeException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Problem.INTERNAL_ERROR.message("the network index", stackTrace(e)));
        }
        indexed.clear();
    }

    /** Processes one network; empty when done (with or without errors), or the value that defers it. */
    private Optional<UnresolvedValueException> processNetwork(TypeElement type) {
        Report report = new Report();
        try {
            Elements elements = processingEnv.getElementUtils();
            NetworkParser parser = new NetworkParser(elements, processingEnv.getTypeUtils());
            Optional<NetworkModel> model = parser.parse(type, report);
            Optional<TrainModel> train = new TrainParser(elements, this::isCompiledNow).parse(type, report);
            NetworkTestSettings tests = new TestSettingsParser(elements).parse(type, report);
            long errorsBefore = report.errorCount();
            Optional<GraphModel> graph = model.isPresent()
                    ? new GraphParser(elements).parse(model.get(), report) : Optional.empty();
            if (graph.isPresent()) {
                processGraph(graph.get(), train, report, report.errorCount() > errorsBefore);
            } else if (model.isPresent()) {
                checkNameIsUnique(model.get(), report);
                NetworkValidator.validate(model.get(), report);
                InferredNetwork inferred = ShapeInference.infer(model.get(), report);
                if (train.isPresent() && !report.hasErrors()) {
                    new TrainingValidator(elements, processingEnv.getTypeUtils()).validate(inferred, train.get(), report);
                }
                if (!report.hasErrors()) {
                    new NetworkGenerator(elements, processingEnv.getTypeUtils()).generate(inferred).writeTo(processingEnv.getFiler());
                    if (train.isPresent()) {
                        new TrainerGenerator(elements).generate(inferred, train.get()).writeTo(processingEnv.getFiler());
                        Optional<TypeMirror> rawInput = train.get().data()
                                .flatMap(data -> RawInputs.of(data, processingEnv.getTypeUtils()));
                        if (rawInput.isPresent()) {
                            new ModelClassGenerator(elements).generate(inferred, rawInput.get(), train.get())
                                    .writeTo(processingEnv.getFiler());
                        }
                    }
                    NetworkIndex.write(processingEnv.getFiler(), elements, inferred, train, tests);
                    indexed.put(type.getQualifiedName().toString(), type);
                }
            }
        } catch (UnresolvedValueException e) {
            // Perhaps generated in a later round; what this attempt found is discarded, not printed.
            return Optional.of(e);
        } catch (IOException | RuntimeException | Error e) {
            report.report(Problem.INTERNAL_ERROR, type, type.getQualifiedName(), stackTrace(e));
        }
        report.printTo(processingEnv.getMessager());
        return Optional.empty();
    }

    /**
     * A network whose stages say where they read from: checked as a graph and generated as {@code GRAPH} with
     * {@code create} methods. Its wiring is checked only once its declarations are right ({@code declarationErrors}
     * false), so that a dropped declaration does not make its stage read the wrong source, a second error.
     */
    private void processGraph(GraphModel graph, Optional<TrainModel> train, Report report, boolean declarationErrors)
            throws IOException {
        TypeElement type = graph.network().type();
        checkNameIsUnique(graph.network(), report);
        NetworkValidator.validate(graph.network(), report);
        if (train.isPresent()) {
            report.report(Problem.GRAPH_TRAIN_UNSUPPORTED, train.get().source().location(), type.getSimpleName(),
                    GeneratedNames.networkClass(type));
        }
        if (declarationErrors || graph.inputs().isEmpty()) {
            return;
        }
        Optional<GraphSpec> spec = GraphInference.infer(graph, report);
        if (spec.isPresent() && !report.hasErrors()) {
            new GraphNetworkGenerator(processingEnv.getElementUtils()).generate(type, spec.get())
                    .writeTo(processingEnv.getFiler());
        }
    }

    /** Whether {@code type} is declared in a source of this compilation rather than read from a class file. */
    private boolean isCompiledNow(TypeElement type) {
        Element outermost = type;
        while (outermost.getEnclosingElement() instanceof TypeElement enclosing) {
            outermost = enclosing;
        }
        return compiledTypes.contains(((TypeElement) outermost).getQualifiedName().toString());
    }

    /**
     * Two networks with one name would overwrite each other's run folder, and {@code -Dlamina.network=<name>}
     * could not choose between them. A warning, on the second: two packages may each have an {@code Mlp}
     * that is never trained from the same build.
     */
    private void checkNameIsUnique(NetworkModel model, Report report) {
        TypeElement first = networksByName.putIfAbsent(model.name(), model.type());
        if (first != null && !first.equals(model.type())) {
            report.report(Problem.NETWORK_NAME_DUPLICATE, model.type(), model.type().getSimpleName(),
                    first.getQualifiedName(), model.name(), model.name(), model.name());
        }
    }

    /**
     * Layer annotations on a field of a class that is not a network, or training annotations on a class
     * without {@code @Network}, would silently do nothing. One error per element, naming all such
     * annotations it carries: the mistake is the missing {@code @Network}, not each annotation.
     */
    private void reportLayersOutsideNetworks(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<Element> reported = new HashSet<>();
        for (TypeElement annotation : annotations) {
            String name = annotation.getQualifiedName().toString();
            boolean layer = isStageAnnotation(name);
            if (!layer && !isTrainingAnnotation(name)) {
                continue;
            }
            for (Element annotated : round.getElementsAnnotatedWith(annotation)) {
                Element owner = layer ? annotated.getEnclosingElement() : annotated;
                boolean inNetwork = owner.getAnnotationMirrors().stream()
                        .anyMatch(a -> a.getAnnotationType().toString().equals(LayerAnnotations.NETWORK));
                if (inNetwork || !reported.add(annotated)) {
                    continue;
                }
                String message = layer
                        ? Problem.LAYER_OUTSIDE_NETWORK.message(annotated.getSimpleName(),
                                annotationsOf(annotated, LaminaProcessor::isStageAnnotation), owner.getSimpleName())
                        : Problem.TRAINING_OUTSIDE_NETWORK.message(owner.getSimpleName(),
                                annotationsOf(annotated, LaminaProcessor::isTrainingAnnotation));
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, annotated);
            }
        }
    }

    /** A layer annotation, or one that wires a stage of a graph ({@code @From}, {@code @Residual}, ...). */
    private static boolean isStageAnnotation(String qualifiedName) {
        return LayerAnnotations.QUALIFIED_NAMES.contains(qualifiedName)
                || LayerAnnotations.GRAPH_QUALIFIED_NAMES.contains(qualifiedName);
    }

    private static boolean isTrainingAnnotation(String qualifiedName) {
        return qualifiedName.equals(TrainParser.TRAIN_ANNOTATION) || TrainParser.TRAINING_COMPANIONS.contains(qualifiedName);
    }

    /** The annotations of an element that {@code select} picks, as written: {@code @Linear @ReLU}. */
    private static String annotationsOf(Element element, java.util.function.Predicate<String> select) {
        return element.getAnnotationMirrors().stream()
                .map(a -> (TypeElement) a.getAnnotationType().asElement())
                .filter(a -> select.test(a.getQualifiedName().toString()))
                .map(a -> "@" + a.getSimpleName())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
