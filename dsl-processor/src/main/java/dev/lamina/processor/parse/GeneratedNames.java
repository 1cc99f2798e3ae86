package dev.lamina.processor.parse;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * The names of generated classes: {@code MnistMlpNetwork}, {@code MnistMlpTrainer} and {@code MnistMlpModel}, or {@code
 * Outer_InnerNetwork} for nested ones.
 */
public final class GeneratedNames {

    private GeneratedNames() {}

    public static String networkClass(TypeElement type) {
        return nestedPrefix(type) + "Network";
    }

    public static String trainerClass(TypeElement type) {
        return nestedPrefix(type) + "Trainer";
    }

    public static String modelClass(TypeElement type) {
        return nestedPrefix(type) + "Model";
    }

    private static String nestedPrefix(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Element outer = type.getEnclosingElement(); outer.getKind().isClass() || outer.getKind().isInterface()
                || outer.getKind() == ElementKind.ENUM; outer = outer.getEnclosingElement()) {
            name.insert(0, outer.getSimpleName() + "_");
        }
        return name.toString();
    }
}
