package dev.lamina.processor.model;

import dev.lamina.spec.Shape;

import java.util.List;

import javax.lang.model.element.TypeElement;

/** A parsed {@code @Network} class: its name, the shape of one input sample, and its stages in order. */
public record NetworkModel(TypeElement type, Source source, String name, Shape input, List<StageModel> stages) {

    public NetworkModel {
        stages = List.copyOf(stages);
    }
}
