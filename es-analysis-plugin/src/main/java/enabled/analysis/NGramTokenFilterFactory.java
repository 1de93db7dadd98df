package enabled.analysis;

import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;

/**
 * {@code ngram} filter: every substring of each token between min_gram and max_gram long.
 * Production also enforces {@code index.max_ngram_diff}; a stable plugin cannot read index
 * settings, so index definitions must set it themselves (Wagtail's does).
 */
@NamedComponent("ngram")
public class NGramTokenFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @IntSetting(path = "min_gram", defaultValue = 1)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = 2)
        int maxGram();

        @BooleanSetting(path = "preserve_original", defaultValue = false)
        boolean preserveOriginal();
    }

    private final Deferred<UnaryOperator<TokenStream>> filter;

    @Inject
    public NGramTokenFilterFactory(Settings settings) {
        this.filter = Deferred.of("ngram", () -> build(settings));
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return filter.get().apply(tokenStream);
    }

    private static UnaryOperator<TokenStream> build(Settings settings) {
        int minGram = settings.minGram();
        int maxGram = settings.maxGram();
        boolean preserveOriginal = settings.preserveOriginal();
        Grams.check("ngram", minGram, maxGram);
        return input -> new NGramTokenFilter(input, minGram, maxGram, preserveOriginal);
    }
}
