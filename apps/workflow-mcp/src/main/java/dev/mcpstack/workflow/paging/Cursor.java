package dev.mcpstack.workflow.paging;

import dev.mcpstack.common.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An opaque keyset position: the (created_at, id) of the last row of a page, so the next page starts strictly
 * after it and concurrent inserts never cause duplicates or gaps. Encoded as URL-safe base64 of
 * {@code v1:<epoch microseconds>:<uuid>}; anything else is a 400, never a database error.
 */
public record Cursor(Instant createdAt, UUID id) {

    private static final String VERSION = "v1";
    private static final int MAX_LENGTH = 128;

    public static Cursor after(Instant createdAt, UUID id) {
        return new Cursor(createdAt.truncatedTo(ChronoUnit.MICROS), id);
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String plain = VERSION + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    public static @Nullable Cursor decodeOrNull(@Nullable String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return null;
        }
        if (encoded.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            String[] parts = plain.split(":", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw invalid();
            }
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            UUID id = UUID.fromString(parts[2]);
            if (!id.toString().equals(parts[2])) {
                throw invalid();
            }
            return new Cursor(createdAt, id);
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.badRequest("invalid-cursor", "cursor is not one this service issued; start again without it");
    }
}
