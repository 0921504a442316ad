package dev.runtimeservice.manager.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.runtimeservice.manager.console.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real headless Chromium (Debian's chromium and chromium-driver, installed here with apt-get
 * when missing and the test runs as root), used as a person would: launch an agent from the page, see it turn
 * RUNNING without a reload, follow its log, stop it; then the same page on a phone-sized screen. Screenshots go to
 * target/console-screenshots (docs/ holds copies). The API-key prompt and the instruction box are tried in
 * OrchestratorIT, whose manager has a key and runs the real orchestrator.
 */
class ConsoleBrowserIT extends ManagerProcessTestSupport {

    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static WebDriver browser;

    @BeforeAll
    static void startChromium() throws Exception {
        browser = HeadlessChromium.start();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAgentIsLaunchedFromThePageSeenRunningLiveFollowedAndStopped() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 800));
        browser.get("http://localhost:" + port + "/");
        await().atMost(WAIT).until(() -> text("stream").equals("events: live"));
        WebElement echo = await().atMost(WAIT)
                .until(
                        () -> browser.findElements(By.cssSelector("#catalog input[value=echo]")),
                        list -> !list.isEmpty())
                .get(0);
        echo.click();
        browser.findElement(By.id("resources")).clear();
        browser.findElement(By.id("resources")).sendKeys("{\"db\": {\"password\": \"br0wser-secret\"}}");
        browser.findElement(By.id("launch")).click();

        await().atMost(WAIT).ignoreExceptions().until(() -> "RUNNING".equals(rowStatus("echo")));
        assertThat(text("events")).contains("echo  RUNNING (was STARTING)");
        assertThat(text("launch-progress")).contains("echo: started and ready");

        clickInRow("echo", "button.open");
        await().atMost(WAIT).until(() -> text("log").contains("listening on"));
        await().atMost(WAIT)
                .until(() -> text("card").contains("echo") || text("card").contains("no such path"));
        String agentUrl = "http://127.0.0.1:"
                + ((JavascriptExecutor) browser)
                        .executeScript("return document.querySelector(\"#agents tr[data-agent='echo']\")"
                                + ".children[3].textContent;");
        io.restassured.RestAssured.given().get(agentUrl + "/followed-from-the-console");
        await().atMost(WAIT).until(() -> text("log").contains("followed-from-the-console"));
        assertThat(text("log")).doesNotContain("br0wser-secret");

        // A page opened now draws the last minutes of CPU and memory that the manager kept (one record a second in
        // these tests), not only what it sees itself from now on (one list every 5 s).
        await().atMost(WAIT)
                .ignoreExceptions()
                .until(() -> io.restassured.RestAssured.given()
                                .port(port)
                                .get("/api/usage")
                                .jsonPath()
                                .getInt("agents.echo.size()")
                        >= 2);
        browser.navigate().refresh();
        await().atMost(WAIT).until(() -> text("stream").equals("events: live"));
        // Two records from the manager and the page's own first list; the page lists again only after 5 s.
        await().atMost(Duration.ofSeconds(3)).until(() -> usagePoints("echo") >= 3);
        clickInRow("echo", "button.open");
        await().atMost(WAIT).until(() -> text("log").contains("followed-from-the-console"));
        Thread.sleep(600); // the page's smooth scroll to the agent's log ends
        // The screenshot shows the agents table, with its charts, and the launch form.
        ((JavascriptExecutor) browser).executeScript("window.scrollTo({top: 0, behavior: 'instant'});");
        Thread.sleep(200);
        screenshot("console-desktop.png");

        browser.manage().window().setSize(new Dimension(390, 844));
        Thread.sleep(300);
        Long overflow = (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page fits a phone's width").isLessThanOrEqualTo(0L);
        screenshot("console-phone.png");
        browser.manage().window().setSize(new Dimension(1280, 800));

        clickInRow("echo", "button.stop");
        await().atMost(WAIT).until(() -> {
            String status = rowStatus("echo");
            return status == null || status.equals("STOPPED");
        });
        assertThat(text("events")).contains("echo  STOPPED (was STOPPING)");
    }

    /** How many points the agent's CPU chart in the table has. */
    private long usagePoints(String agent) {
        Object points = ((JavascriptExecutor) browser)
                .executeScript(
                        "const line = document.querySelector("
                                + "`#agents tr[data-agent='${arguments[0]}'] svg.spark polyline.cpu`);"
                                + "return line ? line.getAttribute('points').trim().split(/\\s+/).length : 0;",
                        agent);
        return ((Number) points).longValue();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The agent's status in the table, read in one script: the table is redrawn at every event. */
    private String rowStatus(String agent) {
        return (String) ((JavascriptExecutor) browser)
                .executeScript(
                        "const row = document.querySelector(`#agents tr[data-agent='${arguments[0]}']`);"
                                + "return row ? row.dataset.status : null;",
                        agent);
    }

    /** Clicks a button of the agent's row, found and clicked in one script: the table is redrawn at every event. */
    private void clickInRow(String agent, String selector) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "document.querySelector(`#agents tr[data-agent='${arguments[0]}'] ${arguments[1]}`).click();",
                        agent,
                        selector);
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
