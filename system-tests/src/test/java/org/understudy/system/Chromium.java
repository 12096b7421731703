package org.understudy.system;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, both at fixed paths: nothing is
 * downloaded (the driver path is given, so Selenium Manager never runs). Missing binaries fail the
 * test with how to install them; they never skip it.
 */
final class Chromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    final Path downloads;
    private final ChromeDriverService service;
    private final Path profile;

    private Chromium(ChromeDriver driver, ChromeDriverService service, Path profile, Path downloads) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** Starts a fresh browser (its own profile folder under {@code work}) with a viewport of the given size. */
    static Chromium start(Path work, int width, int height) throws IOException {
        for (Path binary : new Path[]{BROWSER, DRIVER}) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: the dashboard test needs Debian's Chromium and its driver "
                        + "(apt-get install -y chromium chromium-driver; .ci/run installs them when they are missing)");
            }
        }
        Files.createDirectories(work);
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        Path downloads = Files.createTempDirectory(work, "downloads-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(work.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // The machine has no network but loopback: everything that would call out is switched off.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        Chromium chromium = new Chromium(driver, service, profile, downloads);
        chromium.viewport(width, height);
        return chromium;
    }

    /** Sets the page's viewport exactly (CSS pixels), as a laptop or tablet screen of that size. */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Saves the whole page (up to {@code maxHeight} CSS pixels tall) as a PNG. */
    @SuppressWarnings("unchecked")
    void screenshot(Path file, int width, int maxHeight) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double height = Math.min(((Number) size.get("height")).doubleValue(), maxHeight);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover profile under target/ does no harm
        }
    }
}
