package dev.lamina.processor.parse;

import dev.lamina.processor.diagnostics.Location;
import dev.lamina.processor.diagnostics.Problem;
import dev.lamina.processor.diagnostics.Report;
import dev.lamina.processor.model.ActivationModel;
import dev.lamina.processor.model.BatchNormModel;
import dev.lamina.processor.model.Conv2dModel;
import dev.lamina.processor.model.FlattenModel;
import dev.lamina.processor.model.PoolModel;
import dev.lamina.processor.model.DropoutModel;
import dev.lamina.processor.model.LayerModel;
import dev.lamina.processor.model.LinearModel;
import dev.lamina.processor.model.NetworkModel;
import dev.lamina.spec.Shape;
import dev.lamina.processor.model.Source;
import dev.lamina.processor.model.StageModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Step 1: reads a {@code @Network} class into a {@link NetworkModel}. Reports what makes the class or a
 * field unusable; checks of values and shapes come later.
 */
public final class NetworkParser {

    /** The methods the generated network class defines, by name, with their parameter types. */
    private static final java.util.Map<String, String> GENERATED_METHODS = java.util.Map.of(
            "forwardTrain", "(ai.djl.ndarray.NDArray)", "forwardEval", "(ai.djl.ndarray.NDArray)",
            "predict", "(float[][])", "predictProbabilities", "(float[][])", "parameter", "(java.lang.String)",
            "parameterNames", "()", "save", "(java.nio.file.Path)", "load", "(java.nio.file.Path)",
            "network", "()", "close", "()");

    private final Types types;
    private final Elements elements;
    private final AnnotationValues values;
    private final TypeMirror layerType;

    public NetworkParser(Elements elements, Types types) {
        this.types = types;
        this.elements = elements;
        this.values = new AnnotationValues(elements);
        this.layerType = elements.getTypeElement(LayerAnnotations.LAYER_TYPE).asType();
    }

    /** The model, or empty if the class itself cannot carry a generated network. */
    public Optional<NetworkModel> parse(TypeElement type, Report report) {
        AnnotationMirror network = findAnnotation(type, LayerAnnotations.NETWORK).orElseThrow();
        Source source = new Source(type, network);
        String name = values.getString(network, "name");
        if (name.isEmpty()) {
            name = type.getSimpleName().toString();
        } else if (!dev.lamina.spec.Names.isNetworkName(name)) {
            report.report(Problem.NETWORK_NAME_INVALID, source.at("name"), type.getSimpleName(), name);
        }
        if (!isExtendable(type, report)) {
            return Optional.empty();
        }
        checkSubclassable(type, report);
        checkNoNetworkAncestor(type, report);
        List<StageModel> stages = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            parseStage(field, report).ifPresent(stages::add);
        }
        if (stages.isEmpty() && !report.hasErrors()) {
            report.report(Problem.NO_LAYERS, source.location(), type.getSimpleName());
        }
        return Optional.of(new NetworkModel(type, source, name, parseInput(source, report), stages));
    }

    private Shape parseInput(Source source, Report report) {
        List<Number> dims = values.getNumbers(source.annotation(), "input");
        Object named = values.get(source.annotation(), "inputs").getValue();
        if (named instanceof List<?> list && !list.isEmpty()) {
            // Named inputs: a graph network, whose inputs GraphParser reads.
            if (source.isExplicit("input")) {
                report.report(Problem.INPUTS_BOTH, source.at("input"), source.element().getSimpleName());
            }
            return Shape.of();
        }
        if (dims.isEmpty()) {
            report.report(Problem.INPUT_MISSING, source.at("input"), source.element().getSimpleName());
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).longValue();
            if (shape[i] <= 0) {
                report.report(
                        Problem.INPUT_DIMENSION_NOT_POSITIVE,
                        new Location(source.element(), source.annotation(), inputValue(source, i)),
                        source.element().getSimpleName(), i + 1, shape[i]);
            }
        }
        return Shape.of(shape);
    }

    /** The written value of one input dimension, so the error underlines that number. */
    private static AnnotationValue inputValue(Source source, int index) {
        AnnotationValue written = source.at("input").value();
        if (written != null && written.getValue() instanceof List<?> list && index < list.size()) {
            return (AnnotationValue) list.get(index);
        }
        return written;
    }

    private boolean isExtendable(TypeElement type, Report report) {
        String generated = GeneratedNames.networkClass(type);
        Set<Modifier> modifiers = type.getModifiers();
        if (type.getKind() != ElementKind.CLASS) {
            String what = switch (type.getKind()) {
                case INTERFACE -> "an interface";
                case ENUM -> "an enum";
                case ANNOTATION_TYPE -> "an annotation type";
                default -> "a " + type.getKind().name().toLowerCase(java.util.Locale.ROOT);
            };
            report.report(Problem.NETWORK_ON_NON_CLASS, type, type.getSimpleName(), what, type.getSimpleName());
            return false;
        }
        if (modifiers.contains(Modifier.FINAL)) {
            report.report(Problem.NETWORK_CLASS_FINAL, type, type.getSimpleName(), generated);
            return false;
        }
        if (modifiers.contains(Modifier.PRIVATE)) {
            report.report(Problem.NETWORK_CLASS_PRIVATE, type, type.getSimpleName(), generated);
            return false;
        }
        if (!type.getTypeParameters().isEmpty()) {
            report.report(Problem.NETWORK_CLASS_GENERIC, type, type.getSimpleName(),
                    "<" + String.join(", ", type.getTypeParameters().stream().map(Object::toString).toList()) + ">");
            return false;
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !modifiers.contains(Modifier.STATIC)) {
            report.report(Problem.NETWORK_CLASS_INNER, type, type.getSimpleName(), generated);
            return false;
        }
        return true;
    }

    /**
     * What the generated subclass needs of a class it can extend: a constructor to call and no method it
     * cannot implement or override. Reported without stopping, so the stages are still checked.
     */
    private void checkSubclassable(TypeElement type, Report report) {
        String generated = GeneratedNames.networkClass(type);
        boolean callableConstructor = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE)
                        && !throwsChecked(c, types, elements));
        if (!callableConstructor) {
            report.report(Problem.NETWORK_CLASS_NO_CONSTRUCTOR, type, type.getSimpleName(), generated);
        }
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            String name = method.getSimpleName().toString();
            if (method.getModifiers().contains(Modifier.ABSTRACT)) {
                report.report(Problem.NETWORK_CLASS_MEMBER_CLASH, method, type.getSimpleName(),
                        "the abstract method " + name + "()", generated, "cannot implement",
                        "give it a body or remove it");
            } else if (signature(method).equals(GENERATED_METHODS.get(name)) && !overridable(method)) {
                report.report(Problem.NETWORK_CLASS_MEMBER_CLASH, method, type.getSimpleName(),
                        "a method " + name + "()", generated, "defines with the same parameters", "rename it");
            }
        }
    }

    /**
     * A network extending another network: its generated class would build only its own stages, and the
     * ancestor's would silently be missing. Inheriting them is not supported (which stages come first, and
     * whose {@code @Network(input)} counts, would be guesses), so it is an error that says so.
     */
    private void checkNoNetworkAncestor(TypeElement type, Report report) {
        for (TypeMirror parent = type.getSuperclass(); parent.getKind() == javax.lang.model.type.TypeKind.DECLARED; ) {
            TypeElement ancestor = (TypeElement) ((javax.lang.model.type.DeclaredType) parent).asElement();
            if (findAnnotation(ancestor, LayerAnnotations.NETWORK).isPresent()) {
                String stages = ElementFilter.fieldsIn(ancestor.getEnclosedElements()).stream()
                        .filter(f -> f.getAnnotationMirrors().stream()
                                .anyMatch(a -> LayerAnnotations.QUALIFIED_NAMES.contains(qualifiedName(a))))
                        .map(f -> f.getSimpleName().toString())
                        .collect(java.util.stream.Collectors.joining(", "));
                report.report(Problem.NETWORK_EXTENDS_NETWORK, type, type.getSimpleName(), ancestor.getSimpleName(),
                        stages.isEmpty() ? "its stages" : "its stages " + stages,
                        GeneratedNames.networkClass(type), type.getSimpleName());
                return;
            }
            parent = ancestor.getSuperclass();
        }
    }

    private Optional<StageModel> parseStage(VariableElement field, Report report) {
        List<AnnotationMirror> layerAnnotations = field.getAnnotationMirrors().stream()
                .filter(a -> LayerAnnotations.QUALIFIED_NAMES.contains(qualifiedName(a)))
                .map(a -> (AnnotationMirror) a)
                .toList();
        boolean isLayerField = types.isSameType(field.asType(), layerType);
        String name = field.getSimpleName().toString();
        if (layerAnnotations.isEmpty()) {
            if (isLayerField) {
                report.report(Problem.LAYER_FIELD_WITHOUT_LAYERS, field, name, name);
            }
            return Optional.empty();
        }
        // A field reported here still joins the flow: its layers are what the user meant, and leaving them
        // out would make the next stage's input width wrong, a second error for the same mistake.
        if (!isLayerField) {
            report.report(Problem.ANNOTATED_FIELD_NOT_LAYER, Location.of(field, layerAnnotations.get(0)),
                    name, name, field.asType(), name);
        } else {
            for (Modifier forbidden : List.of(Modifier.STATIC, Modifier.PRIVATE, Modifier.FINAL)) {
                if (field.getModifiers().contains(forbidden)) {
                    report.report(Problem.LAYER_FIELD_NOT_ASSIGNABLE, field, name, forbidden, forbidden);
                    break;
                }
            }
        }
        List<LayerModel> layers = new ArrayList<>();
        for (AnnotationMirror annotation : layerAnnotations) {
            layers.add(parseLayer(new Source(field, annotation)));
        }
        return Optional.of(new StageModel(field, layers));
    }

    private LayerModel parseLayer(Source source) {
        AnnotationMirror annotation = source.annotation();
        String kind = annotation.getAnnotationType().asElement().getSimpleName().toString();
        return switch (kind) {
            case "Linear" -> new LinearModel(source, explicitInt(source, "in"), values.getInt(annotation, "out"));
            case "BatchNorm" -> new BatchNormModel(source, explicitInt(source, "features"),
                    values.getDouble(annotation, "eps"), values.getDouble(annotation, "momentum"));
            case "Dropout" -> new DropoutModel(source, values.getDouble(annotation, "value"));
            case "Conv2d" -> new Conv2dModel(source, explicitInt(source, "in"), values.getInt(annotation, "out"),
                    values.getInt(annotation, "kernel"), values.getInt(annotation, "stride"),
                    values.getInt(annotation, "padding"), values.getInt(annotation, "dilation"));
            case "MaxPool2d", "AvgPool2d" -> pool(source, kind);
            case "Flatten" -> new FlattenModel(source);
            case "LeakyReLU" -> new ActivationModel(source, ActivationModel.Activation.LeakyReLU,
                    values.getDouble(annotation, "value"));
            default -> new ActivationModel(source, ActivationModel.Activation.valueOf(kind), 0);
        };
    }

    /** A pooling window; its stride defaults to the window side, as in PyTorch. */
    private PoolModel pool(Source source, String kind) {
        int kernel = values.getInt(source.annotation(), "value");
        int stride = source.isExplicit("stride") ? values.getInt(source.annotation(), "stride") : kernel;
        return new PoolModel(source, kind, kernel, stride, values.getInt(source.annotation(), "padding"));
    }

    /** An attribute whose default means "infer it": empty unless the user wrote a value. */
    private OptionalInt explicitInt(Source source, String attribute) {
        return source.isExplicit(attribute)
                ? OptionalInt.of(values.getInt(source.annotation(), attribute))
                : OptionalInt.empty();
    }

    /** Return types of the generated methods, erased. */
    private static final java.util.Map<String, String> GENERATED_RETURNS = java.util.Map.of(
            "forwardTrain", "ai.djl.ndarray.NDArray", "forwardEval", "ai.djl.ndarray.NDArray", "predict", "int[]",
            "predictProbabilities", "float[][]", "parameter", "ai.djl.ndarray.NDArray",
            "parameterNames", "java.util.List", "save", "void", "load", "void",
            "network", "dev.lamina.runtime.LaminaNetwork", "close", "void");

    /**
     * Whether the generated method with this signature can override (or, for a private one, sit beside)
     * the user's: same return type, not final or static, and for save/load allowing their IOException.
     */
    private boolean overridable(ExecutableElement method) {
        Set<Modifier> modifiers = method.getModifiers();
        if (modifiers.contains(Modifier.PRIVATE)) {
            return true;
        }
        String name = method.getSimpleName().toString();
        boolean sameReturn = types.erasure(method.getReturnType()).toString().equals(GENERATED_RETURNS.get(name));
        boolean allowsIo = !(name.equals("save") || name.equals("load")) || method.getThrownTypes().stream()
                .map(t -> types.erasure(t).toString())
                .anyMatch(t -> t.equals("java.io.IOException") || t.equals("java.lang.Exception")
                        || t.equals("java.lang.Throwable"));
        return sameReturn && allowsIo && !modifiers.contains(Modifier.FINAL) && !modifiers.contains(Modifier.STATIC);
    }

    /** Whether a constructor or method declares an exception its caller must handle. */
    public static boolean throwsChecked(ExecutableElement executable, Types types, javax.lang.model.util.Elements elements) {
        javax.lang.model.type.TypeMirror runtime = elements.getTypeElement("java.lang.RuntimeException").asType();
        javax.lang.model.type.TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
        return executable.getThrownTypes().stream()
                .anyMatch(t -> !types.isSubtype(t, runtime) && !types.isSubtype(t, error));
    }

    private String signature(ExecutableElement method) {
        return method.getParameters().stream()
                .map(p -> types.erasure(p.asType()).toString())
                .collect(java.util.stream.Collectors.joining(",", "(", ")"));
    }

    static String qualifiedName(AnnotationMirror annotation) {
        return ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    private static Optional<AnnotationMirror> findAnnotation(Element element, String qualifiedName) {
        return element.getAnnotationMirrors().stream()
                .filter(a -> qualifiedName(a).equals(qualifiedName))
                .map(a -> (AnnotationMirror) a)
                .findFirst();
    }
}
