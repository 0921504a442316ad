package dev.runtimeservice.manager.agent.launch;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** The manager's own URL, known once its web server listens; agents get it as {@code MANAGER_URL}. */
@Component
public class ManagerAddress implements ApplicationListener<WebServerInitializedEvent> {

    private volatile String url = "http://127.0.0.1:8000";

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        url = "http://127.0.0.1:" + event.getWebServer().getPort();
    }

    public String url() {
        return url;
    }
}
