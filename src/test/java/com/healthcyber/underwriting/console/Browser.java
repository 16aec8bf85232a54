package com.healthcyber.underwriting.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for every browser test of the run: Debian's {@code chromium}, driven
 * through Debian's {@code chromedriver}, both named by path so that Selenium Manager never looks
 * for (or downloads) a browser or a driver. Without them the tests fail and say how to install
 * them; {@code -Dunderwriting.browser-tests=skip} skips them instead, saying so loudly.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/console-screenshots");

    private static ChromeDriver driver;

    private Browser() {}

    static synchronized ChromeDriver driver() {
        if (driver == null) {
            requireChromium();
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                    "--window-size=1280,800",
                    "--user-data-dir=" + freshProfile());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> driver.quit()));
        }
        return driver;
    }

    static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver().getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String missing = "BROWSER TESTS CANNOT RUN: " + (Files.isExecutable(CHROMIUM) ? "" : CHROMIUM + " ")
                + (Files.isExecutable(CHROMEDRIVER) ? "" : CHROMEDRIVER + " ")
                + "missing. Install Debian's packages: apt-get install -y chromium chromium-driver (.ci/run does).";
        if ("skip".equals(System.getProperty("underwriting.browser-tests"))) {
            System.err.println("\n" + "!".repeat(100) + "\n" + missing
                    + "\nSKIPPED on request (-Dunderwriting.browser-tests=skip): the console is NOT tested in a browser.\n"
                    + "!".repeat(100) + "\n");
            Assumptions.abort(missing + " (skipped on request)");
        }
        Assertions.fail(missing + " To skip them knowingly: -Dunderwriting.browser-tests=skip");
    }

    private static String freshProfile() {
        try {
            File profile = Files.createTempDirectory("console-chromium-").toFile();
            profile.deleteOnExit();
            return profile.getAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
