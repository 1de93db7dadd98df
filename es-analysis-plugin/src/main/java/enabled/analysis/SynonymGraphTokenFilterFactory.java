package enabled.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * {@code synonym_graph} with inline rules in Solr format ("grab bar, grab rail" or
 * "commode => toilet"), so multi-word synonyms work in queries.
 *
 * analysis-common analyses the rules with the tokenizer and filters that come before the
 * synonym filter in the analyzer. A stable plugin cannot see that chain, so the rules are
 * analysed with the standard tokenizer and lowercase, which equals analysis-common's result
 * when synonym_graph comes straight after {@code lowercase} on the standard tokenizer.
 */
@NamedComponent("synonym_graph")
public class SynonymGraphTokenFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @ListSetting(path = "synonyms")
        List<String> synonyms();

        @BooleanSetting(path = "expand", defaultValue = true)
        boolean expand();

        @BooleanSetting(path = "lenient", defaultValue = false)
        boolean lenient();

        @StringSetting(path = "format", defaultValue = "solr")
        String format();

        @StringSetting(path = "synonyms_path", defaultValue = "")
        String synonymsPath();

        @StringSetting(path = "synonyms_set", defaultValue = "")
        String synonymsSet();
    }

    private final Deferred<SynonymMap> synonyms;

    @Inject
    public SynonymGraphTokenFilterFactory(Settings settings) {
        this.synonyms = Deferred.of("synonym_graph", () -> build(settings));
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        SynonymMap map = synonyms.get();
        // Every rule was skipped, as lenient allows: nothing to rewrite.
        return map.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, map, false);
    }

    private static SynonymMap build(Settings settings) {
        if (!settings.synonymsPath().isEmpty() || !settings.synonymsSet().isEmpty()) {
            throw new IllegalArgumentException(
                "[synonym_graph] the enabled-analysis plugin supports inline [synonyms] only, "
                    + "not [synonyms_path] or [synonyms_set]"
            );
        }
        if (!"solr".equals(settings.format().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(
                "[synonym_graph] the enabled-analysis plugin supports format [solr] only, got ["
                    + settings.format() + "]"
            );
        }
        List<String> rules = settings.synonyms();
        if (rules == null || rules.isEmpty()) {
            throw new IllegalArgumentException("[synonym_graph] requires a non-empty [synonyms] list");
        }
        return build(rules, settings.expand(), settings.lenient());
    }

    private static SynonymMap build(List<String> rules, boolean expand, boolean lenient) {
        try (Analyzer analyzer = ruleAnalyzer()) {
            // Each rule is checked alone first so an error can say which rule is wrong.
            List<String> usable = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                String rule = rules.get(i);
                try {
                    parse(List.of(rule), expand, analyzer);
                    usable.add(rule);
                } catch (ParseException | IllegalArgumentException e) {
                    if (!lenient) {
                        throw new IllegalArgumentException(
                            "failed to build synonyms: rule " + (i + 1) + " [" + rule + "] does not parse: "
                                + reason(e),
                            e
                        );
                    }
                }
            }
            return parse(usable, expand, analyzer);
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("failed to build synonyms: " + reason(e), e);
        }
    }

    private static SynonymMap parse(List<String> rules, boolean expand, Analyzer analyzer)
        throws IOException, ParseException {
        SolrSynonymParser parser = new SolrSynonymParser(true, expand, analyzer);
        parser.parse(new StringReader(String.join("\n", rules)));
        return parser.build();
    }

    /** Lucene wraps the useful message ("term: x analyzed to a zero-length token") in a cause. */
    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }

    private static Analyzer ruleAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }
        };
    }
}
