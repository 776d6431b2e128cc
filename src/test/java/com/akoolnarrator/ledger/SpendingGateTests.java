package com.akoolnarrator.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;

class SpendingGateTests {

    private static RuntimeException serverGone() {
        return new DataAccessResourceFailureException("connection refused", new java.net.ConnectException("refused"));
    }

    @Test
    void whileAFactCannotBeWrittenNothingIsSentAndWhenTheDatabaseAnswersAgainTheRunGoesOn() throws Exception {
        SpendingGate gate = new SpendingGate(5, Duration.ofMillis(50));
        AtomicInteger tries = new AtomicInteger();
        AtomicInteger kept = new AtomicInteger();
        CompletableFuture<String> writer = CompletableFuture.supplyAsync(() -> gate.write(() -> {
            if (tries.incrementAndGet() < 3) {
                throw serverGone();
            }
            return "recorded";
        }, kept::incrementAndGet, "kept in the journal"));
        long start = System.nanoTime();
        while (!SpendingGate.ledgerFailing()) {
            assertThat(System.nanoTime() - start).as("the gate closes").isLessThan(TimeUnit.SECONDS.toNanos(5));
            Thread.sleep(1);
        }
        CompletableFuture<Void> sender = CompletableFuture.runAsync(gate::awaitOpen);
        Thread.sleep(20);
        assertThat(sender).as("no request is sent while the ledger cannot record it").isNotDone();

        assertThat(writer.get(5, TimeUnit.SECONDS)).isEqualTo("recorded");
        sender.get(5, TimeUnit.SECONDS);
        assertThat(tries).hasValue(3);
        assertThat(kept).as("kept aside once, at the first failure").hasValue(1);
        assertThat(SpendingGate.ledgerFailing()).isFalse();
        assertThat(gate.shutReason()).isEmpty();
    }

    @Test
    void aFactThatCannotBeWrittenAfterEveryTryEndsTheSpendingWithOneReason() {
        SpendingGate gate = new SpendingGate(2, Duration.ofMillis(10));
        assertThatThrownBy(() -> gate.write(() -> {
            throw serverGone();
        }, () -> { }, "the jobs are in the journal")).isInstanceOf(LedgerUnavailableException.class)
            .hasMessage("the job database is not answering; the jobs are in the journal");

        assertThat(gate.shutReason()).isPresent();
        assertThatThrownBy(gate::awaitOpen).isInstanceOf(LedgerUnavailableException.class)
            .hasMessageContaining("not answering");
        gate.close();
        assertThat(SpendingGate.ledgerFailing()).isFalse();
    }

    @Test
    void anOutageIsSaidAsAPersonWouldSayItAndOtherFailuresAreNotOutages() {
        assertThat(SpendingGate.outage(new UncategorizedSQLException("x", "INSERT",
                new java.sql.SQLException("IO Exception: No space left on device")))).hasValueSatisfying(
                        said -> assertThat(said).startsWith("the output disk is full"));
        assertThat(SpendingGate.outage(new RuntimeException(new IOException("Read-only file system"))))
            .hasValue("the job database's disk is read-only");
        assertThat(SpendingGate.outage(new java.sql.SQLException("reset", "08006"))).hasValue("the job database is not answering");
        assertThat(SpendingGate.outage(new IllegalStateException("a bug"))).isEmpty();
    }
}
