package org.understudy.succession.events;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.understudy.events.Topics;
import org.understudy.platform.kafka.KafkaClients;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends records the view cannot apply to the dead-letter topic of their topic
 * ({@code succession-service.<topic>.dlq}), the record as it was with its headers, plus the reason in
 * {@code dead-letter-reason} and where it came from ({@code dead-letter-topic}, {@code -partition},
 * {@code -offset}). The writer waits for the broker's acknowledgement before it stores positions past
 * them, so a dead letter is never lost (it may be sent twice if the writer dies in between).
 */
@ApplicationScoped
public class DeadLetters {
    @Inject
    KafkaClients kafka;

    private volatile Producer<String, String> producer;

    /** A record and why it cannot be applied. */
    public record Letter(ConsumerRecord<String, String> record, String reason) {
    }

    /** The dead-letter topic of a topic this service consumes. */
    public static String topicOf(String topic) {
        return Topics.Access.SUCCESSION_SERVICE.deadLetterTopic(topic);
    }

    public void send(List<Letter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(letters.size());
        for (Letter l : letters) {
            ConsumerRecord<String, String> r = l.record();
            ProducerRecord<String, String> out = new ProducerRecord<>(topicOf(r.topic()), r.key(), r.value());
            for (Header h : r.headers()) {
                out.headers().add(h);
            }
            out.headers().add("dead-letter-reason", bytes(l.reason()));
            out.headers().add("dead-letter-topic", bytes(r.topic()));
            out.headers().add("dead-letter-partition", bytes(Integer.toString(r.partition())));
            out.headers().add("dead-letter-offset", bytes(Long.toString(r.offset())));
            acks.add(producer().send(out));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + letters.size() + " records: " + e.getMessage(), e);
        }
    }

    private Producer<String, String> producer() {
        Producer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(kafka.producer("dead-letters"), new StringSerializer(), new StringSerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    void stop(@Observes ShutdownEvent ignored) {
        Producer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
