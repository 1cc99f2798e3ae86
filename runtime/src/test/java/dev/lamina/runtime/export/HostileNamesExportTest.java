package dev.lamina.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;

import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Names and summaries are user text that reaches Python source. A name that could break out of a comment
 * or string is refused where networks are built; what is accepted, and any summary, becomes inert text:
 * importing model.py runs exactly the statements a network with plain names gets.
 */
class HostileNamesExportTest {

    private static final String PYTHON = System.getProperty("lamina.python", "/usr/bin/python3");

    /** Imports model.py with an audit hook armed, after torch, and prints the AST's node types and the events. */
    private static final String IMPORT_CHECK = String.join("\n",
            "import ast, sys",
            "import torch",
            "watched = ('os.system', 'os.exec', 'os.spawn', 'os.posix_spawn', 'os.fork', 'subprocess.Popen',",
            "           'os.remove', 'os.rename', 'os.unlink', 'shutil.', 'socket.', 'ctypes.', 'builtins.input')",
            "events = []",
            "def hook(event, args):",
            "    if event.startswith(watched) or (event == 'open' and len(args) > 1 and args[1] not in (None, 'r', 'rb')):",
            "        events.append(event)",
            "sys.addaudithook(hook)",
            "for directory in sys.argv[1:]:",
            "    source = open(directory + '/model.py', encoding='utf-8').read()",
            "    print('nodes', ' '.join(type(n).__name__ for n in ast.walk(ast.parse(source))))",
            "    sys.path.insert(0, directory)",
            "    sys.modules.pop('model', None)",
            "    import model",
            "    sys.path.pop(0)",
            "    print('events', events)",
            "");

    @TempDir Path directory;

    @Test
    void namesWithLineBreaksAreRefusedAtTheApiBoundary() {
        for (String name : new String[] {"Net\rimport os", "Net\nx", "Net\u2028x", "Net\u0085x", "Net\"x", "Net#x"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> Architecture.builder(name, 4).stage("out", new LinearSpec(4, 2)).build(), name);
        }
        for (String stage : new String[] {"a\rb", "a\nb", "a b", "a\"b", "a#b", "a.b"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> Architecture.builder("Net", 4).stage(stage, new LinearSpec(4, 2)).build(), stage);
        }
    }

    @Test
    void commentTextIsFlattenedWhateverLineBreakItHolds() {
        String hostile = "a\rb\nc\r\nd\u2028e\u2029f\u0085g\u000bh\u000ci\u0000j\\k\"\"\"l";
        String text = PythonNames.text(hostile);
        assertEquals("a b c  d e f g h i j\\\\k\\\"\\\"\\\"l", text);
    }

    @Test
    void importingTheModelOfHostileButValidNamesRunsNothingMore() throws Exception {
        Path plain = export(Architecture.builder("Plain", 4)
                .stage("hidden", new LinearSpec(4, 3), new ReLUSpec())
                .stage("other", new LinearSpec(3, 3))
                .stage("_private", new LinearSpec(3, 2))
                .build(), "plain", "summary row");
        // Valid names that look like code, shadow Python's built-in classes or need _modules registration,
        // and a summary (a public parameter of the export) full of line breaks of every kind.
        Path hostile = export(Architecture.builder("__import__.os .system -c .. import", 4)
                .stage("valueError", new LinearSpec(4, 3), new ReLUSpec())
                .stage("importError", new LinearSpec(3, 3))
                .stage("__init__", new LinearSpec(3, 2))
                .build(), "hostile", "row\rimport os; os.system('touch PWNED')\u2028x = 1\u0085y = 2\nz\r\n");

        String source = Files.readString(hostile.resolve(PyTorchExport.MODEL));
        assertFalse(source.contains("class ValueError("), "a stage class must not shadow ValueError");
        assertFalse(source.contains("class ImportError("), "a stage class must not shadow ImportError");

        requirePython();
        Process process = new ProcessBuilder(PYTHON, "-c", IMPORT_CHECK, plain.toString(), hostile.toString())
                .redirectErrorStream(true).directory(directory.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertEquals(4, lines.size(), output);
        assertEquals(lines.get(0), lines.get(2), "the hostile model.py has other statements than the plain one");
        assertEquals("events []", lines.get(3), output);
        assertFalse(Files.exists(directory.resolve("PWNED")));
    }

    private Path export(Architecture architecture, String name, String summary) throws IOException {
        Path target = directory.resolve(name);
        try (LaminaNetwork network = LaminaNetwork.create(architecture, Device.cpu(), 3)) {
            PyTorchExport.write(network, summary, target);
        }
        return target;
    }

    /** Fails, rather than skips, without Python and torch, as the other export tests do. */
    private static void requirePython() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
        boolean done = probe.waitFor(120, TimeUnit.SECONDS);
        assertTrue(done && probe.exitValue() == 0, "needs " + PYTHON + " with torch (python3-torch, or"
                + " -Dlamina.python=<python with torch>)");
    }
}
