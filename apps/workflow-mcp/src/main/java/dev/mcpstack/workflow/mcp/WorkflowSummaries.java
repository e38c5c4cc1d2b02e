package dev.mcpstack.workflow.mcp;

import dev.mcpstack.workflow.entities.Entity;
import dev.mcpstack.workflow.entities.EntityOperations;
import dev.mcpstack.workflow.projects.Project;
import dev.mcpstack.workflow.projects.ProjectOperations;
import dev.mcpstack.workflow.workitems.WorkItem;
import dev.mcpstack.workflow.workitems.WorkItemOperations;
import dev.mcpstack.workflow.workitems.WorkItemView;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The short text form of each tool result, for clients that show text rather than structured content. */
final class WorkflowSummaries {

    private WorkflowSummaries() {}

    static String project(Project project) {
        return "Project '" + project.name() + "' id=" + project.id();
    }

    static String projects(ProjectOperations.ProjectPage page) {
        return list("projects", page.projects(), WorkflowSummaries::project, page.nextCursor());
    }

    static String entity(Entity entity) {
        return "Entity " + entity.entityType() + " '" + entity.name() + "' id=" + entity.id() + " tags="
                + entity.tags();
    }

    static String entities(EntityOperations.EntityPage page) {
        return list("entities", page.entities(), WorkflowSummaries::entity, page.nextCursor());
    }

    static String workItem(WorkItemView item) {
        String text = "Work item '" + item.title() + "' id=" + item.id() + " status=" + item.status() + " references="
                + item.entityReferences().size();
        if (!item.staleReferences().isEmpty()) {
            text += " stale_references=" + item.staleReferences();
        }
        return item.warnings().isEmpty() ? text : text + " warnings=" + item.warnings();
    }

    static String workItems(WorkItemOperations.WorkItemPage page) {
        return list(
                "work items",
                page.workItems(),
                (WorkItem item) -> "'" + item.title() + "' id=" + item.id() + " status=" + item.status(),
                page.nextCursor());
    }

    private static <T> String list(String what, List<T> items, Function<T, String> line, @Nullable String cursor) {
        StringBuilder text =
                new StringBuilder().append(items.size()).append(' ').append(what);
        items.forEach(item -> text.append('\n').append(line.apply(item)));
        if (cursor != null) {
            text.append("\nnext_cursor=").append(cursor);
        }
        return text.toString();
    }
}
