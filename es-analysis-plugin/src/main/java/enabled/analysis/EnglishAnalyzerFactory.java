package enabled.analysis;

import java.util.List;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * {@code english} analyzer: standard tokenizer, possessives, lowercase, English stop words,
 * Porter stemming. {@code stopwords} takes a list, {@code _english_} or {@code _none_}.
 */
@NamedComponent("english")
public class EnglishAnalyzerFactory implements AnalyzerFactory {

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "stopwords")
        List<String> stopwords();

        @ListSetting(path = "stem_exclusion")
        List<String> stemExclusion();
    }

    private final Deferred<Supplier<Analyzer>> analyzer;

    @Inject
    public EnglishAnalyzerFactory(Settings settings) {
        this.analyzer = Deferred.of("english", () -> {
            CharArraySet stopwords = stopwords(settings.stopwords());
            CharArraySet stemExclusion = new CharArraySet(settings.stemExclusion(), true);
            return () -> new EnglishAnalyzer(stopwords, stemExclusion);
        });
    }

    @Override
    public Analyzer create() {
        return analyzer.get().get();
    }

    private static CharArraySet stopwords(List<String> configured) {
        if (configured == null || configured.isEmpty() || configured.equals(List.of("_english_"))) {
            return EnglishAnalyzer.getDefaultStopSet();
        }
        if (configured.equals(List.of("_none_"))) {
            return CharArraySet.EMPTY_SET;
        }
        return new CharArraySet(configured, true);
    }
}
