package dev.mcpstack.testsupport.repository;

import java.util.List;
import java.util.SplittableRandom;

/** The non-code files of a repository: SQL migrations and Markdown documentation. */
final class ProseWriter {

    private static final String[] COLUMN_TYPES = {"BIGINT", "TEXT", "TIMESTAMPTZ", "NUMERIC(12, 2)", "BOOLEAN", "UUID"};

    private ProseWriter() {}

    static void sql(StringBuilder out, SplittableRandom random, String table, int targetLines, List<String> names) {
        FileGenerator.LineCounter lines = new FileGenerator.LineCounter(out);
        out.append("-- Schema for ").append(table.replace('_', ' ')).append(" records\n");
        out.append("CREATE TABLE ").append(table).append(" (\n    id BIGSERIAL PRIMARY KEY,\n");
        int columns = 4 + random.nextInt(10);
        for (int i = 0; i < columns; i++) {
            out.append("    ").append(Names.pick(Names.ADJECTIVES, random)).append('_');
            out.append(Names.pick(Names.NOUNS, random)).append('_').append(i).append(' ');
            out.append(COLUMN_TYPES[random.nextInt(COLUMN_TYPES.length)]).append(",\n");
        }
        out.append("    created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);\n\n");
        names.add(table);
        while (lines.count() < targetLines - 6) {
            String function = Names.snake(Names.pick(Names.VERBS, random), table);
            names.add(function);
            out.append("CREATE INDEX ").append(table).append('_').append(Names.pick(Names.NOUNS, random));
            out.append("_idx ON ").append(table).append(" (created_at);\n\n");
            out.append("CREATE OR REPLACE FUNCTION ").append(function).append("(p_id BIGINT)\n");
            out.append("RETURNS SETOF ")
                    .append(table)
                    .append(" AS $$\n    SELECT * FROM ")
                    .append(table);
            out.append("\n    WHERE id = p_id\n      AND created_at > now() - interval '");
            out.append(1 + random.nextInt(90)).append(" days'\n    ORDER BY created_at DESC;\n$$ LANGUAGE sql;\n\n");
            out.append("INSERT INTO ").append(table).append(" (created_at) VALUES (now() - interval '");
            out.append(random.nextInt(1000)).append(" minutes');\n\n");
        }
    }

    static void markdown(
            StringBuilder out,
            SplittableRandom random,
            String[] type,
            String module,
            int targetLines,
            List<String> names) {
        FileGenerator.LineCounter lines = new FileGenerator.LineCounter(out);
        String title = Names.capitalize(String.join(" ", type));
        out.append("# ").append(title).append("\n\n");
        out.append("The `")
                .append(Names.pascal(type))
                .append("` belongs to the ")
                .append(module);
        out.append(" module and keeps ").append(type[0]).append(" and ").append(type[1]);
        out.append(" data consistent.\n\n");
        while (lines.count() < targetLines - 8) {
            String verb = Names.pick(Names.VERBS, random);
            String noun = Names.pick(Names.NOUNS, random);
            String operation = Names.camel(verb, noun);
            names.add(operation);
            out.append("## ")
                    .append(Names.capitalize(verb))
                    .append(' ')
                    .append(noun)
                    .append("\n\n");
            out.append("Call `")
                    .append(operation)
                    .append("` when the ")
                    .append(noun)
                    .append(" is ");
            out.append(Names.pick(Names.ADJECTIVES, random))
                    .append(". It ")
                    .append(verb)
                    .append("s every ");
            out.append(Names.pick(Names.NOUNS, random)).append("\nand reports the ");
            out.append(Names.pick(Names.NOUNS, random)).append(" it could not handle.\n\n");
            out.append("```\n")
                    .append(Names.camel(type[0], type[1]))
                    .append('.')
                    .append(operation);
            out.append("(").append(noun).append("Id);\n```\n\n");
            out.append("- retries: ").append(1 + random.nextInt(5)).append("\n- timeout: ");
            out.append(100 * (1 + random.nextInt(30))).append(" ms\n\n");
        }
    }
}
