package dev.mcpstack.testsupport.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Writes file number {@code index} of a repository from its own random stream, so any file can be made alone. */
final class FileGenerator {

    /** What a file declares, so queries can be made that are known to hit it. */
    record Generated(SyntheticRepository.SourceFile file, String typeName, List<String> methodNames) {}

    private static final CodeDialect[] DIALECTS = CodeDialect.values();

    private final long seed;

    FileGenerator(long seed) {
        this.seed = seed;
    }

    Generated generate(int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        String[] type = Names.classWords(index, seed);
        String module = Names.MODULES[index % Names.MODULES.length];
        String pkg = Names.pick(Names.NOUNS, random);
        // 50..400 lines, skewed towards small files as real repositories are
        double u = random.nextDouble();
        int targetLines = 50 + (int) (350 * u * u * u);
        int kind = random.nextInt(100);
        StringBuilder out = new StringBuilder(targetLines * 40);
        List<String> methods = new ArrayList<>();
        String path;
        String language;
        String typeName;
        if (kind < 85) {
            CodeDialect dialect = kind < 30 ? CodeDialect.JAVA : DIALECTS[1 + kind % 3];
            language = dialect.language;
            typeName = Names.pascal(type);
            writeCode(dialect, out, random, type, module, pkg, targetLines, methods);
            path = switch (dialect) {
                case JAVA -> module + "/src/main/java/com/acme/" + module + "/" + pkg + "/" + typeName + ".java";
                case TYPESCRIPT -> "web/" + module + "/src/" + pkg + "/" + Names.camel(type) + ".ts";
                case GO -> "go/" + module + "/" + pkg + "/" + Names.snake(type) + ".go";
                case PYTHON -> module + "/python/" + module + "/" + pkg + "/" + Names.snake(type) + ".py";
            };
        } else if (kind < 92) {
            language = "sql";
            typeName = Names.snake(type[0], type[1]) + (index >= Names.DISTINCT_CLASS_NAMES ? "_" + index : "");
            ProseWriter.sql(out, random, typeName, targetLines, methods);
            path = "db/" + module + "/V" + (index + 1) + "__create_" + Names.snake(type) + ".sql";
        } else {
            language = "markdown";
            typeName = Names.pascal(type);
            ProseWriter.markdown(out, random, type, module, targetLines, methods);
            path = "docs/" + module + "/" + pkg + "/" + Names.kebab(type) + ".md";
        }
        return new Generated(new SyntheticRepository.SourceFile(path, language, out.toString()), typeName, methods);
    }

    private static void writeCode(
            CodeDialect dialect,
            StringBuilder out,
            SplittableRandom random,
            String[] type,
            String module,
            String pkg,
            int targetLines,
            List<String> methods) {
        String[] dependency = {Names.pick(Names.NOUNS, random), Names.pick(Names.NOUNS, random), "client"};
        dialect.header(out, module, pkg, dependency);
        dialect.typeOpen(out, type, "Keeps " + type[0] + " and " + type[1] + " records consistent for " + module + ".");
        String[][] fields = new String[2 + random.nextInt(3)][];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new String[] {
                Names.pick(Names.NOUNS, random),
                Names.pick(Names.SUFFIXES, random).toLowerCase()
            };
            dialect.field(out, new String[] {fields[i][0], fields[i][1]}, fields[i]);
        }
        out.append(dialect.fieldsClose());
        LineCounter lines = new LineCounter(out);
        while (lines.count() < targetLines - 3) {
            String verb = Names.pick(Names.VERBS, random);
            String[] name = random.nextBoolean()
                    ? new String[] {verb, Names.pick(Names.NOUNS, random)}
                    : new String[] {verb, Names.pick(Names.NOUNS, random), Names.pick(Names.NOUNS, random)};
            String[] param = {Names.pick(Names.NOUNS, random), "id"};
            methods.add(dialect.methodOpen(out, name, param, capitalized(name) + " for the given " + param[0] + "."));
            String[] last = param;
            int statements = 2 + random.nextInt(7);
            for (int s = 0; s < statements; s++) {
                String[] target = {Names.pick(Names.ADJECTIVES, random), Names.pick(Names.NOUNS, random)};
                String[] receiver = fields[random.nextInt(fields.length)];
                String[] call = {Names.pick(Names.VERBS, random), Names.pick(Names.NOUNS, random)};
                switch (random.nextInt(5)) {
                    case 0 -> dialect.check(out, last, "missing " + last[0] + " for " + name[0]);
                    case 1 -> dialect.loop(out, last, receiver, call);
                    case 2 ->
                        out.append(dialect == CodeDialect.GO ? "\t" : "        ")
                                .append(dialect.comment)
                                .append("the ")
                                .append(target[1])
                                .append(" must be ")
                                .append(target[0])
                                .append(" before we ")
                                .append(call[0])
                                .append(" it\n");
                    default -> {
                        dialect.assign(out, target, receiver, call, last);
                        last = target;
                    }
                }
            }
            dialect.methodClose(out, last);
        }
        out.append(dialect.typeClose());
    }

    private static String capitalized(String[] words) {
        return Names.capitalize(String.join(" ", words));
    }

    /** Counts lines incrementally, so a growing file is scanned once. */
    static final class LineCounter {
        private final StringBuilder out;
        private int scanned;
        private int count;

        LineCounter(StringBuilder out) {
            this.out = out;
        }

        int count() {
            for (; scanned < out.length(); scanned++) {
                if (out.charAt(scanned) == '\n') {
                    count++;
                }
            }
            return count;
        }
    }
}
