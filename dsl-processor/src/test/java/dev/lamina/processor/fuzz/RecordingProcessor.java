package dev.lamina.processor.fuzz;

import dev.lamina.processor.LaminaProcessor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The real {@link LaminaProcessor}, with a filer that records which sources it creates: compile-testing
 * hides generated files when a compilation fails, and a network with errors must get none.
 */
final class RecordingProcessor extends AbstractProcessor {

    private final LaminaProcessor delegate = new LaminaProcessor();
    private final List<String> createdSources = new ArrayList<>();

    List<String> createdSources() {
        return createdSources;
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        Filer filer = environment.getFiler();
        Filer recording = (Filer) Proxy.newProxyInstance(Filer.class.getClassLoader(), new Class<?>[] {Filer.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createSourceFile")) {
                        createdSources.add(args[0].toString());
                    }
                    return invoke(method, filer, args);
                });
        delegate.init((ProcessingEnvironment) Proxy.newProxyInstance(ProcessingEnvironment.class.getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class},
                (proxy, method, args) -> method.getName().equals("getFiler") ? recording
                        : invoke(method, environment, args)));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return delegate.process(annotations, round);
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
