package dev.mcpstack.codebase.indexing;

import java.util.Locale;
import java.util.Map;

/** The language of a file, from its extension (or its well-known name); "text" when unknown. */
final class Languages {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("java", "java"),
            Map.entry("kt", "kotlin"),
            Map.entry("kts", "kotlin"),
            Map.entry("scala", "scala"),
            Map.entry("groovy", "groovy"),
            Map.entry("gradle", "groovy"),
            Map.entry("py", "python"),
            Map.entry("pyi", "python"),
            Map.entry("ts", "typescript"),
            Map.entry("tsx", "typescript"),
            Map.entry("js", "javascript"),
            Map.entry("jsx", "javascript"),
            Map.entry("mjs", "javascript"),
            Map.entry("cjs", "javascript"),
            Map.entry("go", "go"),
            Map.entry("rs", "rust"),
            Map.entry("c", "c"),
            Map.entry("h", "c"),
            Map.entry("cc", "cpp"),
            Map.entry("cpp", "cpp"),
            Map.entry("cxx", "cpp"),
            Map.entry("hpp", "cpp"),
            Map.entry("cs", "csharp"),
            Map.entry("rb", "ruby"),
            Map.entry("php", "php"),
            Map.entry("swift", "swift"),
            Map.entry("m", "objc"),
            Map.entry("sql", "sql"),
            Map.entry("md", "markdown"),
            Map.entry("markdown", "markdown"),
            Map.entry("rst", "rst"),
            Map.entry("yaml", "yaml"),
            Map.entry("yml", "yaml"),
            Map.entry("json", "json"),
            Map.entry("xml", "xml"),
            Map.entry("html", "html"),
            Map.entry("htm", "html"),
            Map.entry("css", "css"),
            Map.entry("scss", "css"),
            Map.entry("sh", "shell"),
            Map.entry("bash", "shell"),
            Map.entry("zsh", "shell"),
            Map.entry("toml", "toml"),
            Map.entry("properties", "properties"),
            Map.entry("proto", "protobuf"),
            Map.entry("tf", "terraform"),
            Map.entry("lua", "lua"),
            Map.entry("r", "r"),
            Map.entry("dart", "dart"),
            Map.entry("ex", "elixir"),
            Map.entry("exs", "elixir"),
            Map.entry("erl", "erlang"),
            Map.entry("hs", "haskell"),
            Map.entry("clj", "clojure"),
            Map.entry("vue", "vue"),
            Map.entry("svelte", "svelte"),
            Map.entry("txt", "text"));

    private static final Map<String, String> BY_NAME = Map.of(
            "dockerfile", "dockerfile", "makefile", "makefile", "jenkinsfile", "groovy", "cmakelists.txt", "cmake");

    private Languages() {}

    static String of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String byName = BY_NAME.get(name);
        if (byName != null) {
            return byName;
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "text" : BY_EXTENSION.getOrDefault(name.substring(dot + 1), "text");
    }
}
