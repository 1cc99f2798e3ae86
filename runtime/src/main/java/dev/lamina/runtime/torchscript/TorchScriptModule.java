package dev.lamina.runtime.torchscript;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A TorchScript module whose source ships as a resource: packed into the archive layout {@code
 * torch.jit.save} writes (an object pickle, the source, constants, a version) and loaded through DJL, so
 * libtorch compiles it against the natives in use. This reaches native ops DJL's JNI has no binding for,
 * without Python and without a binary file in the repository.
 */
public final class TorchScriptModule implements AutoCloseable {

    /** The format version torch.jit.save wrote for source-only modules (PyTorch 1.x and 2.x read it). */
    private static final String VERSION = "3\n";
    /** Pickle protocol 2 of the empty tuple: the module has no tensor constants. */
    private static final byte[] CONSTANTS = {(byte) 0x80, 2, ')', '.'};

    private final String className;
    private final PtSymbolBlock module;

    private TorchScriptModule(String className, PtSymbolBlock module) {
        this.className = className;
        this.module = module;
    }

    /**
     * Loads the class {@code className} from the resource {@code <className>.torchscript} beside this
     * class (in {@code dev/lamina/runtime/torchscript/}), onto {@code manager}'s device.
     *
     * @throws EngineException if libtorch cannot compile it, naming the module
     */
    public static TorchScriptModule load(String className, NDManager manager) {
        return load(TorchScriptModule.class, className, manager);
    }

    /**
     * Loads the class {@code className} from the resource {@code <className>.torchscript} beside
     * {@code owner} (in {@code owner}'s package), onto {@code manager}'s device: for modules that ship
     * with other code than the runtime, such as the benchmarks.
     *
     * @throws EngineException if libtorch cannot compile it, naming the module
     */
    public static TorchScriptModule load(Class<?> owner, String className, NDManager manager) {
        byte[] source = resource(owner, className + ".torchscript");
        byte[] archive = archive(className, source);
        try {
            PtSymbolBlock block = JniUtils.loadModule((PtNDManager) manager, new ByteArrayInputStream(archive), true, false);
            return new TorchScriptModule(className, block);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EngineException e) {
            throw new EngineException("the PyTorch natives cannot compile Lamina's " + className
                    + " module; Lamina needs PyTorch 2.4 or later (it is tested with 2.7.1): " + e.getMessage(), e);
        }
    }

    /** Runs {@code method} with {@code arguments} (the module itself is passed implicitly). */
    public void run(String method, IValue... arguments) {
        try (IValue ignored = IValueUtils.runMethod(module, method, arguments)) {
            // The methods return None; closing frees its handle.
        }
    }

    /** The compiled module as DJL holds it, for callers that need DJL's other ways of running it. */
    public PtSymbolBlock symbolBlock() {
        return module;
    }

    @Override
    public void close() {
        module.close();
    }

    @Override
    public String toString() {
        return "TorchScript " + className;
    }

    private static byte[] resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                String jar = owner == TorchScriptModule.class ? "the Lamina runtime jar" : "the jar of " + owner.getName();
                throw new IllegalStateException(jar + " lacks its resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The zip torch.jit.save writes for an attribute-less module: everything under one folder. */
    private static byte[] archive(String className, byte[] source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String folder = className + "/";
            store(zip, folder + "data.pkl", objectPickle(className));
            store(zip, folder + "code/__torch__.py", source);
            store(zip, folder + "constants.pkl", CONSTANTS);
            store(zip, folder + "version", VERSION.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The pickled module object: {@code __torch__.<className>} with the two attributes every
     * {@code torch.nn.Module} has, {@code training = True} and {@code _is_full_backward_hook = None}.
     */
    private static byte[] objectPickle(String className) {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(0x80); // PROTO 2
        pickle.write(2);
        pickle.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        pickle.writeBytes(new byte[] {')', (byte) 0x81, '}', '('}); // EMPTY_TUPLE NEWOBJ EMPTY_DICT MARK
        unicode(pickle, "training");
        pickle.write(0x88); // NEWTRUE
        unicode(pickle, "_is_full_backward_hook");
        pickle.write('N'); // NONE
        pickle.writeBytes(new byte[] {'u', 'b', '.'}); // SETITEMS BUILD STOP
        return pickle.toByteArray();
    }

    private static void unicode(ByteArrayOutputStream pickle, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        pickle.write('X'); // BINUNICODE, 4-byte little-endian length
        for (int shift = 0; shift < 32; shift += 8) {
            pickle.write(utf8.length >>> shift);
        }
        pickle.writeBytes(utf8);
    }

    /** PyTorch's reader maps entries, so they are stored uncompressed. */
    private static void store(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }
}
