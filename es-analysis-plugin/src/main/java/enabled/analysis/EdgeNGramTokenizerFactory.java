package enabled.analysis;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * {@code edge_ngram} tokenizer: prefixes of each word, where {@code token_chars} says what a
 * word is made of. Without {@code token_chars} the whole input is one word.
 */
@NamedComponent("edge_ngram")
public class EdgeNGramTokenizerFactory implements TokenizerFactory {

    @AnalysisSettings
    public interface Settings {
        @IntSetting(path = "min_gram", defaultValue = 1)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = Grams.UNSET)
        int maxGram();

        @ListSetting(path = "token_chars")
        List<String> tokenChars();

        @StringSetting(path = "custom_token_chars", defaultValue = "")
        String customTokenChars();

        @StringSetting(path = "type", defaultValue = "")
        String type();
    }

    private final Deferred<Supplier<Tokenizer>> tokenizer;

    @Inject
    public EdgeNGramTokenizerFactory(Settings settings) {
        this.tokenizer = Deferred.of("edge_ngram", () -> build(settings));
    }

    @Override
    public Tokenizer create() {
        return tokenizer.get().get();
    }

    private static Supplier<Tokenizer> build(Settings settings) {
        int minGram = settings.minGram();
        int maxGram = Grams.edgeMaxGram(settings.maxGram(), settings.type());
        Grams.check("edge_ngram", minGram, maxGram);
        IntPredicate tokenChars = TokenChars.parse("edge_ngram", settings.tokenChars(), settings.customTokenChars());
        if (tokenChars == null) {
            return () -> new EdgeNGramTokenizer(minGram, maxGram);
        }
        return () -> new EdgeNGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int chr) {
                return tokenChars.test(chr);
            }
        };
    }
}
