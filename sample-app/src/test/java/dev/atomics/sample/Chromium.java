package dev.atomics.sample;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless chromium for the dashboard tests: Debian's chromium driven through Debian's chromedriver with Selenium.
 * Explicit paths for both, so Selenium Manager never looks for (or downloads) anything.
 *
 * <p>Without chromium and chromium-driver installed it fails, telling how to install them: .ci/run does.
 */
final class Chromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("atomics.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("atomics.test.chromedriver", "/usr/bin/chromedriver"));
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriverService service;
    private final WebDriver browser;
    private final Path profile;

    private Chromium(ChromeDriverService service, WebDriver browser, Path profile) {
        this.service = service;
        this.browser = browser;
        this.profile = profile;
    }

    static Chromium start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail(
                    "The dashboard test needs Debian's chromium and chromedriver at %s and %s (missing: %s). Install "
                            + "them with: apt-get update && apt-get install -y chromium chromium-driver (.ci/run does "
                            + "this).",
                    CHROMIUM,
                    CHROMEDRIVER,
                    Stream.of(CHROMIUM, CHROMEDRIVER)
                            .filter(p -> !Files.isExecutable(p))
                            .toList());
        }
        Path profile = Files.createTempDirectory("atomics-dashboard-chromium-");
        Path log = Path.of("target").toAbsolutePath().resolve("chromedriver.log");
        Files.createDirectories(log.getParent());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(log.toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-extensions",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(PATIENCE);
        return new Chromium(service, browser, profile);
    }

    WebDriver browser() {
        return browser;
    }

    @Override
    public void close() throws IOException {
        try {
            browser.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
