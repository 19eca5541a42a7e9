package com.newsdesk.bench.page;

import com.newsdesk.core.render.ArticleView;
import com.newsdesk.core.render.PageRenderer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** P1: the seed article's page from the same view, by the production Pebble templates and by hand. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ArticlePageBench {
    private ArticleView view;
    private PageRenderer pebble;

    @Setup
    public void setUp() {
        view = SeedPage.view();
        pebble = new PageRenderer();
    }

    @Benchmark
    public String pebble() {
        return pebble.article(view);
    }

    @Benchmark
    public String handWritten() {
        return HandWrittenArticlePage.render(view);
    }
}
