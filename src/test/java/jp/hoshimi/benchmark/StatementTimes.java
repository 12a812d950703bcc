package jp.hoshimi.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Where a benchmark step's database time goes, by statement (its first words): how many ran, and the time
 * jOOQ spent rendering and binding them, executing them (the round trip and the server's work until the first
 * result) and fetching their results (for a lazy cursor: until it is closed, so it includes what the caller did
 * with each row). Registered only by the benchmarks; {@link #reset} before a step, {@link #report} after it.
 */
final class StatementTimes implements ExecuteListener {

    private record Times(LongAdder count, LongAdder render, LongAdder execute, LongAdder fetch) {
        Times() {
            this(new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder());
        }
    }

    private static final String STARTED = "benchmark.started";
    private final Map<String, Times> byStatement = new ConcurrentHashMap<>();

    void reset() {
        byStatement.clear();
    }

    String report() {
        return byStatement.entrySet().stream()
                .sorted((a, b) -> Long.compare(total(b.getValue()), total(a.getValue())))
                .map(e -> String.format(
                        "  %6d × render+bind %6d ms, execute %6d ms, fetch %6d ms  %s",
                        e.getValue().count().sum(),
                        e.getValue().render().sum() / 1_000_000,
                        e.getValue().execute().sum() / 1_000_000,
                        e.getValue().fetch().sum() / 1_000_000,
                        e.getKey()))
                .collect(Collectors.joining("\n"));
    }

    private static long total(Times t) {
        return t.render().sum() + t.execute().sum() + t.fetch().sum();
    }

    @Override
    public void start(ExecuteContext ctx) {
        ctx.data(STARTED, System.nanoTime());
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        lap(ctx, Times::render);
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        lap(ctx, Times::execute);
    }

    @Override
    public void fetchEnd(ExecuteContext ctx) {
        lap(ctx, Times::fetch);
    }

    @Override
    public void end(ExecuteContext ctx) {
        times(ctx).count().increment();
    }

    private void lap(ExecuteContext ctx, java.util.function.Function<Times, LongAdder> what) {
        Object started = ctx.data(STARTED);
        long now = System.nanoTime();
        if (started instanceof Long from) {
            what.apply(times(ctx)).add(now - from);
        }
        ctx.data(STARTED, now);
    }

    private Times times(ExecuteContext ctx) {
        String sql = ctx.sql() == null ? "?" : ctx.sql().replaceAll("\\s+", " ").strip();
        String key = sql.length() > 90 ? sql.substring(0, 90) : sql;
        return byStatement.computeIfAbsent(key, k -> new Times());
    }
}
