package dev.mcpstack.codebase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpstack.codebase.Api;
import dev.mcpstack.codebase.CodebaseMcpApplication;
import dev.mcpstack.codebase.CodebaseMcpTest;
import dev.mcpstack.testsupport.archive.TarArchiveBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Queries as people and coding agents type them (the seed's own among them) over a small repository: no word is
 * required, filler counts for nothing, inflections and a final partial word match, exact identifiers come first,
 * and a query whose words match more chunks than the candidate budget (here 4) reports a lower-bound total.
 */
@CodebaseMcpTest(
        properties = {
            CodebaseMcpApplication.CONFIG_NAME,
            "codebase.search.candidate-budget=4",
            // the fixture's indexing must not be shed (503) when a loaded machine makes a connection wait
            "spring.r2dbc.pool.max-acquire-time=10s"
        })
class NaturalLanguageSearchTest {

    private static final String AUTHENTICATION_SERVICE = "src/main/java/com/acme/auth/AuthenticationService.java";
    private static final String LOGIN_CONTROLLER = "src/main/java/com/acme/web/LoginController.java";
    private static final String CONFIG_PARSER = "src/main/java/com/acme/config/ConfigParser.java";

    private static String repositoryId;

    @Autowired
    Api api;

    @BeforeEach
    void indexFixtureOnce() {
        if (repositoryId == null) {
            TarArchiveBuilder archive = TarArchiveBuilder.create()
                    .file(AUTHENTICATION_SERVICE, """
                            package com.acme.auth;

                            public class AuthenticationService {

                                private final UserStore users;

                                public boolean authenticate(String user, char[] password) {
                                    return users.matches(user, password);
                                }
                            }
                            """)
                    .file(LOGIN_CONTROLLER, """
                            package com.acme.web;

                            public class LoginController {

                                private final AuthenticationService authenticationService;

                                public String login(String user, char[] password) {
                                    return authenticationService.authenticate(user, password) ? "ok" : "denied";
                                }
                            }
                            """)
                    .file(CONFIG_PARSER, """
                            package com.acme.config;

                            public class ConfigParser {

                                public Map<String, String> parse(String text) {
                                    return Map.of();
                                }
                            }
                            """)
                    .file("web/handlers.js", """
                            // the function table: which function implements the logic of each route
                            function handleRequest(route) {
                              return table[route].call();
                            }
                            """)
                    .file("docs/notes.md", """
                            # Notes
                            Where is the code? The logic of every function and its implementation is in the code.
                            """);
            for (int i = 0; i < 6; i++) {
                archive.file(
                        "src/main/java/com/acme/values/Holder" + i + ".java",
                        "class Holder" + i + " { int value; int value() { return value; } }\n");
            }
            // indexing is the slow call on a loaded machine; the client's default 5 s would fail the fixture
            Api patient = new Api(
                    api.client().mutate().responseTimeout(Duration.ofMinutes(1)).build());
            repositoryId = (String) patient.indexTarGz(Api.uniqueName("natural"), archive.toTarGz())
                    .get("repository_id");
        }
    }

    @Test
    void seedQueriesFindTheAuthenticationServiceFirst() {
        for (String query :
                List.of("authentication logic", "function authentication", "where is the authentication logic")) {
            assertThat(firstFile(query)).as(query).isEqualTo(AUTHENTICATION_SERVICE);
        }
    }

    @Test
    void sentenceFindsCodeWithoutEveryWord() {
        assertThat(files("how does the login controller check a password"))
                .first()
                .isEqualTo(LOGIN_CONTROLLER);
        assertThat(files("authentication xylophone")).first().isEqualTo(AUTHENTICATION_SERVICE);
    }

    @Test
    void wordsMatchAcrossInflections() {
        assertThat(firstFile("parsing config")).isEqualTo(CONFIG_PARSER);
        assertThat(firstFile("authenticating users")).isEqualTo(AUTHENTICATION_SERVICE);
        assertThat(files("parses")).contains(CONFIG_PARSER);
    }

    @Test
    void finalPartialWordMatchesAsPrefix() {
        assertThat(firstFile("authent")).isEqualTo(AUTHENTICATION_SERVICE);
        assertThat(firstFile("config pars")).isEqualTo(CONFIG_PARSER);
        assertThat(firstFile("LoginContr")).isEqualTo(LOGIN_CONTROLLER);
    }

    @Test
    void misspeltWordsAreCorrectedToWhatTheIndexHolds() {
        // two letters swapped, one letter doubled
        assertThat(firstFile("authnetication service")).isEqualTo(AUTHENTICATION_SERVICE);
        assertThat(firstFile("conffig parser")).isEqualTo(CONFIG_PARSER);
    }

    @Test
    void fillerAndStopWordsCountForNothing() {
        assertThat(files("where is the config parser")).isEqualTo(files("config parser"));
        assertThat(files("function authentication")).doesNotContain("docs/notes.md", "web/handlers.js");
        // a query of nothing but filler still searches for it
        assertThat(files("function logic")).contains("web/handlers.js");
    }

    @Test
    void exactIdentifierComesFirst() {
        assertThat(files("authenticate")).startsWith(AUTHENTICATION_SERVICE, LOGIN_CONTROLLER);
        assertThat(files("AuthenticationService")).startsWith(AUTHENTICATION_SERVICE, LOGIN_CONTROLLER);
    }

    @Test
    void totalCountIsExactWithinTheBudgetAndALowerBoundBeyondIt() {
        Map<String, Object> selective = search("ConfigParser");
        assertThat(selective).containsEntry("total_count_exact", true);
        assertThat(((Number) selective.get("total_count")).intValue()).isEqualTo(1);

        // "value" is in 6 chunks, more than the budget of 4: still answered, the total flagged as a lower bound
        Map<String, Object> common = search("value");
        assertThat(common).containsEntry("total_count_exact", false);
        assertThat(((Number) common.get("total_count")).intValue()).isGreaterThanOrEqualTo(6);
        assertThat((List<?>) common.get("results")).isNotEmpty();
    }

    private String firstFile(String query) {
        List<String> files = files(query);
        assertThat(files).as(query).isNotEmpty();
        return files.get(0);
    }

    private List<String> files(String query) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results =
                (List<Map<String, Object>>) search(query).get("results");
        return results.stream().map(hit -> (String) hit.get("file_path")).toList();
    }

    private Map<String, Object> search(String query) {
        return api.search(Map.of("query", query, "repository_id", repositoryId));
    }
}
