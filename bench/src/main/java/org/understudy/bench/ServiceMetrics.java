package org.understudy.bench;

import java.util.function.Predicate;

/** Figures read off a service's /q/metrics (Prometheus text). */
final class ServiceMetrics {
    private ServiceMetrics() {
    }

    /** The sum of every sample of a metric whose labels pass the filter (0 when there is none). */
    static double sum(Http http, String baseUrl, String metric, Predicate<String> labels) {
        String text;
        try {
            text = http.client.send(http.request(baseUrl + "/q/metrics").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return Double.NaN;
        }
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(metric + "{") && labels.test(line)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    /** Events succession-service has read and applied or found not newer than its view. */
    static double eventsFolded(Http http, String successionUrl) {
        return sum(http, successionUrl, "understudy_events_consumed_total",
                l -> l.contains("outcome=\"applied\"") || l.contains("outcome=\"stale\"") || l.contains("outcome=\"duplicate\""));
    }
}
