package enabled.analysis;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.IntSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/** {@code ngram} tokenizer; see {@link NGramTokenFilterFactory} about {@code index.max_ngram_diff}. */
@NamedComponent("ngram")
public class NGramTokenizerFactory implements TokenizerFactory {

    @AnalysisSettings
    public interface Settings {
        @IntSetting(path = "min_gram", defaultValue = 1)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = 2)
        int maxGram();

        @ListSetting(path = "token_chars")
        List<String> tokenChars();

        @StringSetting(path = "custom_token_chars", defaultValue = "")
        String customTokenChars();
    }

    private final Deferred<Supplier<Tokenizer>> tokenizer;

    @Inject
    public NGramTokenizerFactory(Settings settings) {
        this.tokenizer = Deferred.of("ngram", () -> build(settings));
    }

    @Override
    public Tokenizer create() {
        return tokenizer.get().get();
    }

    private static Supplier<Tokenizer> build(Settings settings) {
        int minGram = settings.minGram();
        int maxGram = settings.maxGram();
        Grams.check("ngram", minGram, maxGram);
        IntPredicate tokenChars = TokenChars.parse("ngram", settings.tokenChars(), settings.customTokenChars());
        if (tokenChars == null) {
            return () -> new NGramTokenizer(minGram, maxGram);
        }
        return () -> new NGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int chr) {
                return tokenChars.test(chr);
            }
        };
    }
}
