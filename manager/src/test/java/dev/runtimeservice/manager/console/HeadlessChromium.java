package dev.runtimeservice.manager.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for the console's browser tests: Debian's chromium and chromium-driver, installed with
 * apt-get when they are missing and the test runs as root.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** Starts one at 1280×800; the caller quits it. */
    public static WebDriver start() throws Exception {
        installIfMissing();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    // Without the recommended packages (a sandbox helper, udev, fonts, printer and desktop tools: 117 packages in all
    // instead of 26), which a headless browser driven over WebDriver does not use: the install took 10 s instead of
    // 31 s on a fresh 2-core machine, and CI pays it at every run.
    private static synchronized void installIfMissing() throws Exception {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return;
        }
        Process process = new ProcessBuilder(
                        "apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium", "chromium-driver")
                .redirectErrorStream(true)
                .redirectOutput(new File("target/apt-get-chromium.log"))
                .start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(Files.isExecutable(DRIVER))
                .as("chromium-driver could not be installed (apt-get needs root and a Debian mirror); see "
                        + "target/apt-get-chromium.log")
                .isTrue();
    }
}
