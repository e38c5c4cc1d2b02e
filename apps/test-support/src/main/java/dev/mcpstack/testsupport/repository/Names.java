package dev.mcpstack.testsupport.repository;

import java.util.SplittableRandom;

/** The vocabulary the generated code is written in, and the naming conventions of each language. */
final class Names {

    static final String[] NOUNS = {
        "account", "order", "invoice", "customer", "payment", "shipment", "inventory", "report",
        "session", "token", "cache", "queue", "event", "metric", "schedule", "profile",
        "ledger", "catalog", "product", "tenant", "warehouse", "discount", "coupon", "address",
        "carrier", "refund", "balance", "currency", "price", "tax", "receipt", "subscription",
        "plan", "quota", "audit", "permission", "role", "group", "message", "channel",
        "template", "document", "upload", "image", "thumbnail", "search", "index", "query",
        "cursor", "batch", "job", "worker", "task", "retry", "webhook", "endpoint",
        "route", "region", "cluster", "node", "shard", "replica", "snapshot", "backup"
    };

    static final String[] SUFFIXES = {
        "Service", "Repository", "Controller", "Handler", "Manager", "Factory", "Builder", "Parser",
        "Client", "Validator", "Processor", "Resolver", "Scheduler", "Mapper", "Registry", "Exporter"
    };

    static final String[] VERBS = {
        "load", "save", "compute", "validate", "render", "parse", "merge", "fetch", "publish", "resolve",
        "update", "delete", "create", "find", "apply", "cancel", "refresh", "export", "import", "schedule",
        "normalize", "reconcile", "aggregate", "dispatch", "register", "archive", "restore", "lock"
    };

    static final String[] MODULES = {
        "billing", "catalog", "identity", "shipping", "analytics", "notifications", "storage", "payments"
    };

    static final String[] ADJECTIVES = {
        "pending", "active", "expired", "total", "current", "previous", "default", "max", "min", "last"
    };

    /** 64 x 64 x 16 distinct class names; beyond that a numeric suffix keeps names unique. */
    static final int DISTINCT_CLASS_NAMES = NOUNS.length * NOUNS.length * SUFFIXES.length;

    private Names() {}

    static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Words of the class name of file {@code index}: unique per index through an odd-multiplier bijection. */
    static String[] classWords(int index, long seed) {
        int k = (int) ((index * 40_503L + (seed & 0xFFFF)) % DISTINCT_CLASS_NAMES);
        String first = NOUNS[k / (NOUNS.length * SUFFIXES.length)];
        String second = NOUNS[(k / SUFFIXES.length) % NOUNS.length];
        String suffix = SUFFIXES[k % SUFFIXES.length].toLowerCase();
        if (index >= DISTINCT_CLASS_NAMES) {
            suffix = suffix + (index / DISTINCT_CLASS_NAMES + 1);
        }
        return new String[] {first, second, suffix};
    }

    static String camel(String... words) {
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(capitalize(words[i]));
        }
        return name.toString();
    }

    static String pascal(String... words) {
        return capitalize(camel(words));
    }

    static String snake(String... words) {
        return String.join("_", words);
    }

    static String kebab(String... words) {
        return String.join("-", words);
    }

    static String pick(String[] words, SplittableRandom random) {
        return words[random.nextInt(words.length)];
    }
}
