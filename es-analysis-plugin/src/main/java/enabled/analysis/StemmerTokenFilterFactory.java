package enabled.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * {@code stemmer} for the English variants only. Each language name maps to the Lucene filter
 * that Elasticsearch's analysis-common uses for it, so stems are identical on both.
 */
@NamedComponent("stemmer")
public class StemmerTokenFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "language", defaultValue = "")
        String language();

        /** analysis-common accepts {@code name} as an older spelling of {@code language}. */
        @StringSetting(path = "name", defaultValue = "")
        String name();
    }

    private static final Map<String, UnaryOperator<TokenStream>> STEMMERS = Map.ofEntries(
        Map.entry("english", PorterStemFilter::new),
        Map.entry("porter", PorterStemFilter::new),
        Map.entry("light_english", KStemFilter::new),
        Map.entry("lightenglish", KStemFilter::new),
        Map.entry("kstem", KStemFilter::new),
        Map.entry("minimal_english", EnglishMinimalStemFilter::new),
        Map.entry("minimalenglish", EnglishMinimalStemFilter::new),
        Map.entry("possessive_english", EnglishPossessiveFilter::new),
        Map.entry("possessiveenglish", EnglishPossessiveFilter::new),
        Map.entry("porter2", input -> new SnowballFilter(input, new EnglishStemmer()))
    );

    private static final List<String> DOCUMENTED = List.of(
        "english", "light_english", "minimal_english", "possessive_english", "porter", "porter2", "kstem"
    );

    private final Deferred<UnaryOperator<TokenStream>> stemmer;

    @Inject
    public StemmerTokenFilterFactory(Settings settings) {
        this.stemmer = Deferred.of("stemmer", () -> choose(settings));
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.get().apply(tokenStream);
    }

    private static UnaryOperator<TokenStream> choose(Settings settings) {
        String language = settings.language().isEmpty() ? settings.name() : settings.language();
        if (language.isEmpty()) {
            language = "porter";
        }
        UnaryOperator<TokenStream> chosen = STEMMERS.get(language.toLowerCase(Locale.ROOT));
        if (chosen == null) {
            throw new IllegalArgumentException(
                "Unknown stemmer language [" + language + "]: the enabled-analysis plugin supports "
                    + DOCUMENTED + " (Elasticsearch's analysis-common, which production uses, has more)"
            );
        }
        return chosen;
    }
}
