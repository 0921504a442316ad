package dev.runtimeservice.agent.kendra.vfs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Finds vfs's URL: the configured one, or the one the manager reports for a running vfs agent. */
final class VfsLocator {

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI manager;
    private final VfsIngestProperties properties;

    VfsLocator(HttpClient http, ObjectMapper json, URI manager, VfsIngestProperties properties) {
        this.http = http;
        this.json = json;
        this.manager = manager;
        this.properties = properties;
    }

    /** A client for vfs, asking the manager where vfs runs unless {@code kendra.vfs.url} says it. */
    VfsClient locate() {
        URI url = properties.url() != null ? properties.url() : askManager();
        return new VfsClient(http, json, url, properties.timeout(), launchHint());
    }

    /** The call that launches vfs, for error details. */
    String launchHint() {
        if (properties.url() != null) {
            return "Start vfs so that it listens at " + properties.url() + ", or change KENDRA_VFS_URL "
                    + "(kendra.vfs.url).";
        }
        return "Launch it through the manager: curl -X POST " + base() + "/api/launch_agents "
                + "-H 'Content-Type: application/json' -d '{\"agents\": [\"vfs\"]}'";
    }

    private URI askManager() {
        URI list = URI.create(base() + "/api/list_agents?name=vfs");
        HttpResponse<String> answer;
        try {
            answer = http.send(
                    HttpRequest.newBuilder(list)
                            .timeout(properties.timeout())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new VfsUnavailableException("The manager at " + base() + " did not answer ("
                    + e.getClass().getSimpleName() + "), so kendra cannot find vfs. Start the manager (java -jar "
                    + "manager/target/runtime-manager.jar) and launch vfs through it, set MANAGER_URL to where the "
                    + "manager listens, or set KENDRA_VFS_URL (kendra.vfs.url) to vfs's URL.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VfsUnavailableException("Interrupted while asking the manager for vfs; retry.");
        }
        if (answer.statusCode() == 401 || answer.statusCode() == 403) {
            throw new VfsUnavailableException("The manager at " + base() + " requires an API key (RUNTIME_API_KEY), "
                    + "which agents are not given, so kendra cannot ask it where vfs runs. Set KENDRA_VFS_URL "
                    + "(kendra.vfs.url) to vfs's URL, such as http://127.0.0.1:8001.");
        }
        if (answer.statusCode() != 200) {
            throw new VfsUnavailableException("The manager at " + base() + " answered " + answer.statusCode()
                    + " to GET /api/list_agents?name=vfs; check the manager's log, or set KENDRA_VFS_URL "
                    + "(kendra.vfs.url) to vfs's URL.");
        }
        return runningVfs(answer.body());
    }

    private URI runningVfs(String body) {
        JsonNode vfs;
        try {
            vfs = json.readTree(body).path("agents").path(0);
        } catch (JacksonException e) {
            throw new VfsUnavailableException("The manager at " + base() + " answered GET /api/list_agents with "
                    + "something that is not JSON; check that MANAGER_URL points at the manager.");
        }
        if (vfs.isMissingNode()) {
            throw new VfsUnavailableException(
                    "vfs is not running: the manager at " + base() + " has not launched it. " + launchHint());
        }
        String status = vfs.path("status").asString("");
        String url = vfs.path("url").asString("");
        if (!"RUNNING".equals(status) || url.isEmpty()) {
            throw new VfsUnavailableException("vfs is not running: the manager at " + base() + " reports it as "
                    + (status.isEmpty() ? "unknown" : status) + ". " + launchHint());
        }
        return URI.create(url);
    }

    private String base() {
        String url = manager.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
