package org.understudy.platform.transaction;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AfterCommitTest {
    @ParameterizedTest(name = "transaction ends with status {0}: action runs {1} time(s)")
    @CsvSource({
            Status.STATUS_COMMITTED + ", 1",
            Status.STATUS_ROLLEDBACK + ", 0",
            Status.STATUS_UNKNOWN + ", 0",
    })
    void runsOnlyAfterACommit(int status, int expectedRuns) {
        RecordingRegistry registry = new RecordingRegistry();
        AtomicInteger runs = new AtomicInteger();

        AfterCommit.run(registry, runs::incrementAndGet);
        assertEquals(0, runs.get(), "nothing runs before the transaction completes");
        registry.complete(status);

        assertEquals(expectedRuns, runs.get());
    }

    /** Keeps the synchronisations registered and completes them as a transaction manager would. */
    private static final class RecordingRegistry implements TransactionSynchronizationRegistry {
        private final List<Synchronization> registered = new ArrayList<>();

        void complete(int status) {
            registered.forEach(Synchronization::beforeCompletion);
            registered.forEach(s -> s.afterCompletion(status));
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            registered.add(sync);
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
