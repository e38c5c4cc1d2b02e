package dev.mcpstack.testsupport.repository;

/**
 * How each generated programming language spells the same program: a type with fields and methods whose bodies
 * call collaborators, check arguments, loop and return. Names arrive as word arrays and are cased per language.
 */
enum CodeDialect {
    JAVA("java", "// ") {
        @Override
        void header(StringBuilder out, String module, String pkg, String[] dependency) {
            out.append("package com.acme.")
                    .append(module)
                    .append('.')
                    .append(pkg)
                    .append(";\n\n");
            out.append("import java.util.ArrayList;\nimport java.util.List;\nimport java.util.Map;\n");
            out.append("import com.acme.").append(module).append(".core.").append(Names.pascal(dependency));
            out.append(";\n\n");
        }

        @Override
        void typeOpen(StringBuilder out, String[] type, String doc) {
            out.append("/**\n * ").append(doc).append("\n */\npublic class ").append(Names.pascal(type));
            out.append(" {\n\n");
        }

        @Override
        void field(StringBuilder out, String[] type, String[] name) {
            out.append("    private final ")
                    .append(Names.pascal(type))
                    .append(' ')
                    .append(Names.camel(name));
            out.append(";\n");
        }

        @Override
        String methodOpen(StringBuilder out, String[] name, String[] param, String doc) {
            String method = Names.camel(name);
            out.append("\n    /** ")
                    .append(doc)
                    .append(" */\n    public List<String> ")
                    .append(method);
            out.append("(String ").append(Names.camel(param)).append(", int retryLimit) {\n");
            return method;
        }

        @Override
        void assign(StringBuilder out, String[] target, String[] receiver, String[] call, String[] arg) {
            out.append("        var ").append(Names.camel(target)).append(" = ").append(Names.camel(receiver));
            out.append('.')
                    .append(Names.camel(call))
                    .append('(')
                    .append(Names.camel(arg))
                    .append(");\n");
        }

        @Override
        void check(StringBuilder out, String[] value, String message) {
            out.append("        if (").append(Names.camel(value)).append(" == null) {\n");
            out.append("            throw new IllegalStateException(\"")
                    .append(message)
                    .append("\");\n        }\n");
        }

        @Override
        void loop(StringBuilder out, String[] items, String[] receiver, String[] call) {
            out.append("        for (String item : ").append(Names.camel(items)).append(") {\n");
            out.append("            ").append(Names.camel(receiver)).append('.').append(Names.camel(call));
            out.append("(item);\n        }\n");
        }

        @Override
        void methodClose(StringBuilder out, String[] result) {
            out.append("        return List.of(String.valueOf(")
                    .append(Names.camel(result))
                    .append("));\n    }\n");
        }
    },
    TYPESCRIPT("typescript", "// ") {
        @Override
        void header(StringBuilder out, String module, String pkg, String[] dependency) {
            out.append("import { ").append(Names.pascal(dependency)).append(" } from '../core/");
            out.append(Names.camel(dependency)).append("';\nimport { Logger } from '../../shared/logger';\n\n");
        }

        @Override
        void typeOpen(StringBuilder out, String[] type, String doc) {
            out.append("/** ")
                    .append(doc)
                    .append(" */\nexport class ")
                    .append(Names.pascal(type))
                    .append(" {\n");
        }

        @Override
        void field(StringBuilder out, String[] type, String[] name) {
            out.append("  private readonly ")
                    .append(Names.camel(name))
                    .append(": ")
                    .append(Names.pascal(type));
            out.append(";\n");
        }

        @Override
        String methodOpen(StringBuilder out, String[] name, String[] param, String doc) {
            String method = Names.camel(name);
            out.append("\n  /** ")
                    .append(doc)
                    .append(" */\n  async ")
                    .append(method)
                    .append('(');
            out.append(Names.camel(param)).append(": string, retryLimit = 3): Promise<string[]> {\n");
            return method;
        }

        @Override
        void assign(StringBuilder out, String[] target, String[] receiver, String[] call, String[] arg) {
            out.append("    const ").append(Names.camel(target)).append(" = await this.");
            out.append(Names.camel(receiver))
                    .append('.')
                    .append(Names.camel(call))
                    .append('(');
            out.append(Names.camel(arg)).append(");\n");
        }

        @Override
        void check(StringBuilder out, String[] value, String message) {
            out.append("    if (!").append(Names.camel(value)).append(") {\n      throw new Error('");
            out.append(message).append("');\n    }\n");
        }

        @Override
        void loop(StringBuilder out, String[] items, String[] receiver, String[] call) {
            out.append("    for (const item of ").append(Names.camel(items)).append(") {\n      this.");
            out.append(Names.camel(receiver))
                    .append('.')
                    .append(Names.camel(call))
                    .append("(item);\n    }\n");
        }

        @Override
        void methodClose(StringBuilder out, String[] result) {
            out.append("    return [String(").append(Names.camel(result)).append(")];\n  }\n");
        }
    },
    GO("go", "// ") {
        @Override
        void header(StringBuilder out, String module, String pkg, String[] dependency) {
            out.append("package ").append(pkg).append("\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\n\t\"acme.dev/");
            out.append(module).append("/core\"\n)\n\n");
        }

        @Override
        void typeOpen(StringBuilder out, String[] type, String doc) {
            out.append("// ").append(Names.pascal(type)).append(' ').append(doc).append("\ntype ");
            out.append(Names.pascal(type)).append(" struct {\n");
        }

        @Override
        void field(StringBuilder out, String[] type, String[] name) {
            out.append('\t')
                    .append(Names.camel(name))
                    .append(" *core.")
                    .append(Names.pascal(type))
                    .append('\n');
        }

        @Override
        String fieldsClose() {
            return "}\n";
        }

        @Override
        String methodOpen(StringBuilder out, String[] name, String[] param, String doc) {
            String method = Names.pascal(name);
            out.append("\n// ").append(method).append(' ').append(doc).append("\nfunc (s *Receiver) ");
            out.append(method).append("(ctx context.Context, ").append(Names.camel(param));
            out.append(" string) ([]string, error) {\n");
            return method;
        }

        @Override
        void assign(StringBuilder out, String[] target, String[] receiver, String[] call, String[] arg) {
            out.append('\t').append(Names.camel(target)).append(", err := s.").append(Names.camel(receiver));
            out.append('.')
                    .append(Names.pascal(call))
                    .append("(ctx, ")
                    .append(Names.camel(arg))
                    .append(")\n");
            out.append("\tif err != nil {\n\t\treturn nil, err\n\t}\n");
        }

        @Override
        void check(StringBuilder out, String[] value, String message) {
            out.append("\tif ").append(Names.camel(value)).append(" == nil {\n\t\treturn nil, fmt.Errorf(\"");
            out.append(message).append("\")\n\t}\n");
        }

        @Override
        void loop(StringBuilder out, String[] items, String[] receiver, String[] call) {
            out.append("\tfor _, item := range ").append(Names.camel(items)).append(" {\n\t\ts.");
            out.append(Names.camel(receiver))
                    .append('.')
                    .append(Names.pascal(call))
                    .append("(ctx, item)\n\t}\n");
        }

        @Override
        void methodClose(StringBuilder out, String[] result) {
            out.append("\treturn []string{fmt.Sprint(")
                    .append(Names.camel(result))
                    .append(")}, nil\n}\n");
        }
    },
    PYTHON("python", "# ") {
        @Override
        void header(StringBuilder out, String module, String pkg, String[] dependency) {
            out.append("\"\"\"")
                    .append(Names.capitalize(pkg))
                    .append(" support for ")
                    .append(module);
            out.append(
                    ".\"\"\"\nfrom __future__ import annotations\n\nimport logging\nfrom typing import Optional\n\n");
            out.append("from ").append(module).append(".core import ").append(Names.pascal(dependency));
            out.append("\n\nlogger = logging.getLogger(__name__)\n\n\n");
        }

        @Override
        void typeOpen(StringBuilder out, String[] type, String doc) {
            out.append("class ")
                    .append(Names.pascal(type))
                    .append(":\n    \"\"\"")
                    .append(doc);
            out.append("\"\"\"\n\n    def __init__(self, core_client):\n");
        }

        @Override
        void field(StringBuilder out, String[] type, String[] name) {
            out.append("        self.").append(Names.snake(name)).append(" = core_client.");
            out.append(Names.snake(type)).append('\n');
        }

        @Override
        String methodOpen(StringBuilder out, String[] name, String[] param, String doc) {
            String method = Names.snake(name);
            out.append("\n    def ").append(method).append("(self, ").append(Names.snake(param));
            out.append(": str, retry_limit: int = 3) -> list[str]:\n        \"\"\"")
                    .append(doc);
            out.append("\"\"\"\n");
            return method;
        }

        @Override
        void assign(StringBuilder out, String[] target, String[] receiver, String[] call, String[] arg) {
            out.append("        ")
                    .append(Names.snake(target))
                    .append(" = self.")
                    .append(Names.snake(receiver));
            out.append('.')
                    .append(Names.snake(call))
                    .append('(')
                    .append(Names.snake(arg))
                    .append(")\n");
        }

        @Override
        void check(StringBuilder out, String[] value, String message) {
            out.append("        if ").append(Names.snake(value)).append(" is None:\n");
            out.append("            raise ValueError(\"").append(message).append("\")\n");
        }

        @Override
        void loop(StringBuilder out, String[] items, String[] receiver, String[] call) {
            out.append("        for item in ").append(Names.snake(items)).append(":\n            self.");
            out.append(Names.snake(receiver))
                    .append('.')
                    .append(Names.snake(call))
                    .append("(item)\n");
        }

        @Override
        void methodClose(StringBuilder out, String[] result) {
            out.append("        return [str(").append(Names.snake(result)).append(")]\n");
        }

        @Override
        String typeClose() {
            return "";
        }
    };

    final String language;
    final String comment;

    CodeDialect(String language, String comment) {
        this.language = language;
        this.comment = comment;
    }

    abstract void header(StringBuilder out, String module, String pkg, String[] dependency);

    abstract void typeOpen(StringBuilder out, String[] type, String doc);

    abstract void field(StringBuilder out, String[] type, String[] name);

    String fieldsClose() {
        return "";
    }

    /** Writes the signature and returns the method name as declared. */
    abstract String methodOpen(StringBuilder out, String[] name, String[] param, String doc);

    abstract void assign(StringBuilder out, String[] target, String[] receiver, String[] call, String[] arg);

    abstract void check(StringBuilder out, String[] value, String message);

    abstract void loop(StringBuilder out, String[] items, String[] receiver, String[] call);

    abstract void methodClose(StringBuilder out, String[] result);

    String typeClose() {
        return "}\n";
    }
}
