package dev.mcpstack.common.testapp;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Reads and writes the database, as every real {@code /mcp/**} endpoint does. */
@RestController
class NotesController {

    record Note(String text) {}

    private final DatabaseClient db;

    NotesController(DatabaseClient db) {
        this.db = db;
    }

    @PostMapping("/mcp/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, Object>> create(@RequestBody Note note) {
        return db.sql("INSERT INTO notes (text) VALUES (:text) RETURNING id")
                .bind("text", note.text())
                .map(row -> row.get("id", Long.class))
                .one()
                .map(id -> Map.of("id", id));
    }

    @GetMapping("/mcp/notes")
    Mono<List<String>> list() {
        return db.sql("SELECT text FROM notes ORDER BY id")
                .map(row -> row.get("text", String.class))
                .all()
                .collectList();
    }

    @GetMapping("/mcp/slow")
    Mono<Map<String, Object>> slow() {
        return db.sql("SELECT pg_sleep(1.2)").then().thenReturn(Map.of("slept", true));
    }

    @GetMapping("/mcp/boom")
    Mono<String> boom() {
        return Mono.error(new IllegalStateException("a bug"));
    }
}
