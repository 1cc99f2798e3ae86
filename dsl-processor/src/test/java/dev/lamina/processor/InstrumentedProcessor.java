package dev.lamina.processor;

import java.lang.reflect.InvocationHandler;
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
import javax.lang.model.util.Types;

/**
 * Runs the real {@link LaminaProcessor} with an instrumented environment: it records which source files
 * the processor creates (compile-testing hides them when compilation fails), and can make the type
 * utilities throw, to provoke an unexpected exception inside the processor.
 */
final class InstrumentedProcessor extends AbstractProcessor {

    private final LaminaProcessor delegate = new LaminaProcessor();
    private final boolean failingTypes;
    private final List<String> createdSources = new ArrayList<>();

    private InstrumentedProcessor(boolean failingTypes) {
        this.failingTypes = failingTypes;
    }

    static InstrumentedProcessor recording() {
        return new InstrumentedProcessor(false);
    }

    static InstrumentedProcessor withFailingTypes() {
        return new InstrumentedProcessor(true);
    }

    List<String> createdSources() {
        return createdSources;
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        Filer filer = environment.getFiler();
        Filer recordingFiler = proxy(Filer.class, (proxy, method, args) -> {
            if (method.getName().equals("createSourceFile")) {
                createdSources.add(args[0].toString());
            }
            return invoke(method, filer, args);
        });
        Types types = environment.getTypeUtils();
        Types maybeFailingTypes = proxy(Types.class, (proxy, method, args) -> {
            if (failingTypes) {
                throw new IllegalStateException("injected failure in Types." + method.getName());
            }
            return invoke(method, types, args);
        });
        delegate.init(proxy(ProcessingEnvironment.class, (proxy, method, args) -> switch (method.getName()) {
            case "getFiler" -> recordingFiler;
            case "getTypeUtils" -> maybeFailingTypes;
            default -> invoke(method, environment, args);
        }));
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

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
