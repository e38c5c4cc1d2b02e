package dev.mcpstack.codebase.indexing;

/** A text file accepted for indexing: its normalized relative path, its text and its size in bytes. */
record SourceFile(String path, String content, long sizeBytes) {}
