package org.understudy.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/** The broker's own limits, measured on the stack's broker in the same run. */
final class KafkaBaselines {
    static final String ROUND_TRIP_TOPIC = "bench-round-trip";

    record RoundTrip(double p50, double p99, double max, int measured) {
    }

    record ConsumerRate(double messagesPerSecond, long messages) {
    }

    private final String bootstrap;

    KafkaBaselines(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Produce (acks=all, as the outbox relay) then consume, in this JVM, at the same steady rate: send to receipt. */
    RoundTrip roundTrip(int rate, int seconds) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            if (!a.listTopics().names().get().contains(ROUND_TRIP_TOPIC)) {
                a.createTopics(List.of(new NewTopic(ROUND_TRIP_TOPIC, 1, (short) 1))).all().get();
            }
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<Long, Long> sent = new ConcurrentHashMap<>();
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        TopicPartition tp = new TopicPartition(ROUND_TRIP_TOPIC, 0);
        long total = (long) rate * seconds;
        try (KafkaProducer<Long, byte[]> producer = new KafkaProducer<>(p, new LongSerializer(), new ByteArraySerializer());
             KafkaConsumer<Long, byte[]> consumer = new KafkaConsumer<>(c, new LongDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.seekToEnd(List.of(tp));
            consumer.position(tp);
            String runId = UUID.randomUUID().toString();
            byte[] payload = ("{\"bench\":\"" + runId + "\",\"padding\":\"" + "x".repeat(400) + "\"}").getBytes(StandardCharsets.UTF_8);
            Thread poller = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        for (ConsumerRecord<Long, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                            long now = System.nanoTime();
                            Long at = sent.remove(r.key());
                            if (at != null) {
                                latencies.add((now - at) / 1e6);
                            }
                        }
                    }
                } catch (org.apache.kafka.common.errors.WakeupException | org.apache.kafka.common.errors.InterruptException e) {
                    // done
                }
            }, "round-trip-consumer");
            poller.start();
            long base = System.nanoTime() ^ System.currentTimeMillis() << 20;
            long intervalNanos = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long wait = start + i * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long key = base + i;
                sent.put(key, System.nanoTime());
                producer.send(new ProducerRecord<>(ROUND_TRIP_TOPIC, 0, key, payload));
            }
            producer.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!sent.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            consumer.wakeup();
            poller.join(5000);
        }
        double[] ms;
        synchronized (latencies) {
            ms = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new RoundTrip(Stats.percentile(ms, 50), Stats.percentile(ms, 99), Stats.max(ms), ms.length);
    }

    /**
     * Records on these topics that a consumer group has not yet committed (end offset minus committed
     * offset, summed; a partition without a commit counts from its beginning). What the group has
     * fetched but not yet applied counts too, unlike the client's own fetch lag.
     */
    long uncommitted(String group, List<String> topics) throws Exception {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             Admin a = Admin.create(admin)) {
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    a.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (String topic : topics) {
                List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(i -> new TopicPartition(topic, i.partition())).toList();
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts);
                for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(parts).entrySet()) {
                    org.apache.kafka.clients.consumer.OffsetAndMetadata at = committed.get(end.getKey());
                    lag += end.getValue() - (at == null ? begin.get(end.getKey()) : at.offset());
                }
            }
            return lag;
        }
    }

    /** Records on a topic (end minus beginning offsets, all partitions). */
    long records(String topic) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            long end = consumer.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
            long begin = consumer.beginningOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
            return end - begin;
        }
    }

    /**
     * Kafka's ConsumerPerformance tool over the topics, one after the other, each in its own JVM
     * (as the tool is run by hand): all their records over the sum of the tool's fetch times (fetch.nMsg.sec,
     * which leaves out joining the group: on a small topic that would be most of the time).
     */
    ConsumerRate consumerPerformance(Path toolsJar, List<String> topics) throws Exception {
        long messages = 0;
        double seconds = 0;
        for (String topic : topics) {
            long n = records(topic);
            if (n == 0) {
                continue;
            }
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", toolsJar + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                    "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap, "--topic", topic,
                    "--messages", Long.toString(n), "--group", "bench-perf-" + UUID.randomUUID(), "--timeout", "60000");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(out::add);
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("ConsumerPerformance failed: " + String.join("\n", out));
            }
            // A header line (start.time, end.time, ..., data.consumed.in.nMsg, nMsg.sec, ...) then one of figures.
            int header = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).contains("nMsg.sec")) {
                    header = i;
                }
            }
            if (header < 0) {
                throw new IllegalStateException("unexpected ConsumerPerformance output: " + String.join("\n", out));
            }
            List<String> names = Arrays.stream(out.get(header).split(",")).map(String::trim).toList();
            String[] values = null;
            for (int i = header + 1; i < out.size() && values == null; i++) {
                String[] v = out.get(i).split(",");
                if (v.length == names.size()) {
                    values = v;
                }
            }
            if (values == null) {
                throw new IllegalStateException("no figures in ConsumerPerformance output: " + String.join("\n", out));
            }
            long consumed = Long.parseLong(values[names.indexOf("data.consumed.in.nMsg")].trim());
            double rate = Double.parseDouble(values[names.indexOf("fetch.nMsg.sec")].trim());
            messages += consumed;
            seconds += consumed / rate;
        }
        return new ConsumerRate(seconds == 0 ? Double.NaN : messages / seconds, messages);
    }
}
