package dev.mcpstack.workflow.mcp;

import dev.mcpstack.common.mcp.McpTools;
import dev.mcpstack.common.mcp.ToolSchema;
import dev.mcpstack.workflow.entities.EntityOperations;
import dev.mcpstack.workflow.entities.EntityQuery;
import dev.mcpstack.workflow.entities.NewEntity;
import dev.mcpstack.workflow.projects.NewProject;
import dev.mcpstack.workflow.projects.ProjectOperations;
import dev.mcpstack.workflow.web.ClientIds;
import dev.mcpstack.workflow.workitems.NewWorkItem;
import dev.mcpstack.workflow.workitems.WorkItemOperations;
import dev.mcpstack.workflow.workitems.WorkItemPatch;
import dev.mcpstack.workflow.workitems.WorkItemStatus;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * workflow-mcp's MCP tools (SPEC §10), each calling the same operation as its REST endpoint. The MCP session is
 * the client of project switching, so two agents in two sessions each keep their own active project.
 */
@Configuration(proxyBeanMethods = false)
class WorkflowTools {

    private static final List<String> STATUSES = WorkItemStatus.ALL;
    private static final String PROJECT = "Project id; default: the project chosen with switch_project";

    /** One list: Spring AI collects tool beans by the type {@code List<AsyncToolSpecification>}. */
    @Bean
    List<AsyncToolSpecification> workflowMcpTools(
            McpTools tools, ProjectOperations projects, EntityOperations entities, WorkItemOperations workItems) {
        return List.of(
                tools.writing(
                                "create_project",
                                "Create project",
                                "Create a project (a tenant for entities and work items).",
                                false,
                                false)
                        .calls(
                                ToolSchema.object()
                                        .string("name", "Project name")
                                        .string("description", "What the project is about")
                                        .required("name"),
                                (arguments, exchange) -> projects.create(arguments.as(NewProject.class)),
                                WorkflowSummaries::project),
                tools.reading("list_projects", "List projects", "Projects, oldest first, with cursor paging.")
                        .calls(
                                ToolSchema.object()
                                        .integer("limit", "Page size (default 20)", 1, 100)
                                        .string("cursor", "next_cursor of the previous page"),
                                (arguments, exchange) ->
                                        projects.list(arguments.integer("limit"), arguments.string("cursor")),
                                WorkflowSummaries::projects),
                tools.writing(
                                "switch_project",
                                "Switch project",
                                "Make a project the active one of this MCP session; the other tools use it when no"
                                        + " project_id is given.",
                                false,
                                true)
                        .calls(
                                ToolSchema.object()
                                        .uuid("project_id", "The project to work in")
                                        .required("project_id"),
                                (arguments, exchange) ->
                                        projects.activate(client(exchange), arguments.requiredUuid("project_id")),
                                activation -> "Active project of this session: " + activation.activeProjectId()),
                tools.writing(
                                "create_entity",
                                "Create entity",
                                "Create a typed entity with JSON data and tags.",
                                false,
                                false)
                        .calls(
                                ToolSchema.object()
                                        .string("entity_type", "Kind of entity, e.g. service, decision, api")
                                        .string("name", "Entity name")
                                        .json("data", "Any JSON object")
                                        .strings("tags", "Tags for filtering")
                                        .uuid("project_id", PROJECT)
                                        .required("entity_type", "name", "data"),
                                (arguments, exchange) ->
                                        entities.create(arguments.as(NewEntity.class), client(exchange)),
                                WorkflowSummaries::entity),
                tools.reading("query_entities", "Query entities", "Entities of the project matching all given filters.")
                        .calls(
                                ToolSchema.object()
                                        .string("entity_type", "Only this type")
                                        .strings("tags_any", "Entities with at least one of these tags")
                                        .json("data_contains", "A JSON object the data must contain")
                                        .string("name_prefix", "Names starting with this")
                                        .integer("limit", "Page size (default 20)", 1, 100)
                                        .string("cursor", "next_cursor of the previous page")
                                        .uuid("project_id", PROJECT),
                                (arguments, exchange) ->
                                        entities.query(arguments.as(EntityQuery.class), client(exchange)),
                                WorkflowSummaries::entities),
                tools.writing(
                                "create_work_item",
                                "Create work item",
                                "Create a work item; entity_references are chunk_ids from codebase-mcp's search_code,"
                                        + " checked against codebase-mcp.",
                                false,
                                false)
                        .calls(
                                ToolSchema.object()
                                        .string("title", "Short title")
                                        .string("description", "Details")
                                        .oneOf("status", "Initial status (default open)", STATUSES)
                                        .strings("entity_references", "chunk_ids of the code concerned")
                                        .uuid("project_id", PROJECT)
                                        .required("title"),
                                (arguments, exchange) ->
                                        workItems.create(arguments.as(NewWorkItem.class), client(exchange)),
                                WorkflowSummaries::workItem),
                tools.reading(
                                "get_work_item",
                                "Get work item",
                                "A work item with its references; stale_references lists chunks that no longer exist.")
                        .calls(
                                ToolSchema.object()
                                        .uuid("work_item_id", "The work item's id")
                                        .uuid("project_id", PROJECT)
                                        .required("work_item_id"),
                                (arguments, exchange) -> workItems.get(
                                        arguments.requiredUuid("work_item_id"),
                                        arguments.uuid("project_id"),
                                        client(exchange)),
                                WorkflowSummaries::workItem),
                tools.writing(
                                "update_work_item",
                                "Update work item",
                                "Change a work item's title, description or status.",
                                false,
                                true)
                        .calls(
                                ToolSchema.object()
                                        .uuid("work_item_id", "The work item's id")
                                        .string("title", "New title")
                                        .string("description", "New description")
                                        .oneOf("status", "New status", STATUSES)
                                        .uuid("project_id", PROJECT)
                                        .required("work_item_id"),
                                (arguments, exchange) -> workItems.update(
                                        arguments.requiredUuid("work_item_id"),
                                        arguments
                                                .only("title", "description", "status")
                                                .as(WorkItemPatch.class),
                                        arguments.uuid("project_id"),
                                        client(exchange)),
                                WorkflowSummaries::workItem),
                tools.reading("list_work_items", "List work items", "Work items of the project, oldest first.")
                        .calls(
                                ToolSchema.object()
                                        .oneOf("status", "Only this status", STATUSES)
                                        .integer("limit", "Page size (default 20)", 1, 100)
                                        .string("cursor", "next_cursor of the previous page")
                                        .uuid("project_id", PROJECT),
                                (arguments, exchange) -> workItems.list(
                                        arguments.string("status"),
                                        arguments.integer("limit"),
                                        arguments.string("cursor"),
                                        arguments.uuid("project_id"),
                                        client(exchange)),
                                WorkflowSummaries::workItems));
    }

    /** The session's client id for project switching; prefixed, so it never meets a REST X-Client-Id. */
    static String client(McpAsyncServerExchange exchange) {
        return ClientIds.of("mcp-session:" + exchange.sessionId());
    }
}
