package dev.lamina.runtime.export;

import java.util.Set;
import java.util.regex.Pattern;

/** Python spellings of Lamina names and values in the generated {@code model.py}. */
final class PythonNames {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private static final Set<String> KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
            "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
            "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    /**
     * Public attributes of {@code nn.Module} (PyTorch 1.13 to 2.x) and of the generated network class: a
     * stage of one of these names would be registered, but {@code self.<name>} would find the attribute.
     */
    private static final Set<String> MODULE_ATTRIBUTES = Set.of(
            "T_destination", "add_module", "apply", "bfloat16", "buffers", "call_super_init", "children",
            "compile", "cpu", "cuda", "double", "dump_patches", "eval", "extra_repr", "float", "forward",
            "get_buffer", "get_extra_state", "get_parameter", "get_submodule", "half", "ipu", "load",
            "load_state_dict", "modules", "mtia", "named_buffers", "named_children", "named_modules",
            "named_parameters", "parameters", "register_backward_hook", "register_buffer",
            "register_forward_hook", "register_forward_pre_hook", "register_full_backward_hook",
            "register_full_backward_pre_hook", "register_load_state_dict_post_hook",
            "register_load_state_dict_pre_hook", "register_module", "register_parameter",
            "register_state_dict_post_hook", "register_state_dict_pre_hook", "requires_grad_",
            "set_extra_state", "set_submodule", "share_memory", "state_dict", "to", "to_empty", "train",
            "training", "type", "xpu", "zero_grad");

    /**
     * Python's built-in names that a generated class (always capitalised) could shadow: model.py raises
     * {@code ValueError} and catches {@code ImportError}, and a stage called {@code valueError} must not
     * turn those into its module class.
     */
    static final Set<String> BUILTIN_CLASSES = Set.of(
            "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
            "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
            "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
            "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception",
            "ExceptionGroup", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
            "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
            "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError",
            "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplemented",
            "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError",
            "ProcessLookupError", "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError",
            "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning",
            "SystemError", "SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError",
            "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
            "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError");

    /** Characters that end a line for some reader of the file, or that a source file should not hold. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    private PythonNames() {}

    /** Whether {@code self.<name>} reaches a submodule registered as {@code name}. */
    static boolean isPlainAttribute(String name) {
        return PLAIN.matcher(name).matches() && !KEYWORDS.contains(name) && !MODULE_ATTRIBUTES.contains(name);
    }

    /**
     * Whether {@code name} can be a Python local variable or argument name as it is: ASCII, not a keyword.
     * (Java identifiers that are not, such as {@code lambda}, {@code $x} or {@code é}, get another name.)
     */
    static boolean isVariable(String name) {
        return PLAIN.matcher(name).matches() && !KEYWORDS.contains(name);
    }

    /** An ASCII class name for {@code name}: invalid characters become {@code _}, first letter upper case. */
    static String className(String name) {
        StringBuilder text = new StringBuilder();
        for (char c : name.toCharArray()) {
            boolean valid = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
            text.append(valid ? c : '_');
        }
        if (text.length() == 0 || !Character.isLetter(text.charAt(0))) {
            text.insert(0, 'S');
        }
        text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
        String result = text.toString();
        return KEYWORDS.contains(result) ? result + "_" : result;
    }

    /** A double-quoted Python string literal. */
    static String string(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '"' -> text.append("\\\"");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        text.append(String.format("\\x%02x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('"').toString();
    }

    /**
     * Text made safe for a docstring or comment: one line (every control, format and line or paragraph
     * separator character becomes a space, so no reader sees a line end Python does not), no backslash
     * escapes and no quote runs that end a docstring.
     */
    static String text(String value) {
        String flat = UNPRINTABLE.matcher(value).replaceAll(" ");
        return flat.replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
    }
}
