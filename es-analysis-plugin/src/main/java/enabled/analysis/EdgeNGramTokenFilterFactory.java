package enabled.analysis;

import java.util.Locale;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * {@code edge_ngram} filter: prefixes of each token, for search-as-you-type; with the deprecated
 * {@code side: back}, suffixes.
 */
@NamedComponent("edge_ngram")
public class EdgeNGramTokenFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @IntSetting(path = "min_gram", defaultValue = 1)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = Grams.UNSET)
        int maxGram();

        @BooleanSetting(path = "preserve_original", defaultValue = false)
        boolean preserveOriginal();

        @StringSetting(path = "side", defaultValue = "front")
        String side();

        @StringSetting(path = "type", defaultValue = "")
        String type();
    }

    private final Deferred<UnaryOperator<TokenStream>> filter;

    @Inject
    public EdgeNGramTokenFilterFactory(Settings settings) {
        this.filter = Deferred.of("edge_ngram", () -> build(settings));
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return filter.get().apply(tokenStream);
    }

    private static UnaryOperator<TokenStream> build(Settings settings) {
        int minGram = settings.minGram();
        int maxGram = Grams.edgeMaxGram(settings.maxGram(), settings.type());
        boolean preserveOriginal = settings.preserveOriginal();
        Grams.check("edge_ngram", minGram, maxGram);
        String side = settings.side().toLowerCase(Locale.ROOT);
        return switch (side) {
            case "front" -> input -> new EdgeNGramTokenFilter(input, minGram, maxGram, preserveOriginal);
            case "back" -> input -> new ReverseStringFilter(
                new EdgeNGramTokenFilter(new ReverseStringFilter(input), minGram, maxGram, preserveOriginal)
            );
            default -> throw new IllegalArgumentException(
                "[edge_ngram] side must be [front] or [back], got [" + settings.side() + "]"
            );
        };
    }
}
