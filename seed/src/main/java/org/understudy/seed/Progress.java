package org.understudy.seed;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Progress of a long run. On a terminal (System.console() != null) one counter line is redrawn in
 * place with a carriage return, at most ten times a second; otherwise (a pipe, a log file) a plain
 * line is printed at every tenth of the work and at the end. Messages (bad rows, failures) are
 * printed on their own lines without breaking the counter.
 */
public final class Progress {
    private final PrintStream out;
    private final boolean terminal;
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private final Supplier<String> detail;
    private long done;
    private long lastDraw;
    private int lastTenth = 0;
    private int drawnWidth;

    public Progress(PrintStream out, boolean terminal, String label, long total, Supplier<String> detail) {
        this.out = out;
        this.terminal = terminal;
        this.label = label;
        this.total = Math.max(total, 0);
        this.detail = detail == null ? () -> "" : detail;
    }

    /** Whether standard output is a terminal. */
    public static boolean onTerminal() {
        return System.console() != null;
    }

    public synchronized void advance(long steps) {
        done += steps;
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw >= 100_000_000L || done >= total) {
                lastDraw = now;
                draw();
            }
        } else {
            int tenth = total == 0 ? 10 : (int) Math.min(10, done * 10 / total);
            if (tenth > lastTenth && tenth < 10) {
                lastTenth = tenth;
                out.println(line());
            }
        }
    }

    public void step() {
        advance(1);
    }

    /** Prints a message on its own line; on a terminal the counter is drawn again below it. */
    public synchronized void message(String text) {
        if (terminal && drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
        out.println(text);
        if (terminal) {
            draw();
        }
    }

    /** The final counter line. */
    public synchronized void finish() {
        if (terminal) {
            draw();
            out.println();
            drawnWidth = 0;
        } else {
            out.println(line());
        }
        out.flush();
    }

    public synchronized long done() {
        return done;
    }

    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void draw() {
        String line = line();
        int pad = Math.max(0, drawnWidth - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        drawnWidth = line.length();
    }

    private String line() {
        long percent = total == 0 ? 100 : Math.min(100, done * 100 / total);
        String extra = detail.get();
        return String.format("%s: %d/%d (%d%%)%s, %.0f s", label, done, total, percent,
                extra.isEmpty() ? "" : " - " + extra, seconds());
    }
}
