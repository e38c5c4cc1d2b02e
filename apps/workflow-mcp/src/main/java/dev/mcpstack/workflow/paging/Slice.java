package dev.mcpstack.workflow.paging;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page cut from {@code limit + 1} fetched rows: the extra row only proves there is more, and the cursor
 * points at the last row returned.
 */
public record Slice<T>(List<T> items, @Nullable String nextCursor) {

    public static <T> Slice<T> of(List<T> rows, int limit, Function<T, Cursor> position) {
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        return new Slice<>(
                List.copyOf(rows.subList(0, limit)),
                position.apply(rows.get(limit - 1)).encode());
    }
}
