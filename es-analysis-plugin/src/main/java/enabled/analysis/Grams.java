package enabled.analysis;

/** Checks shared by the n-gram filters and tokenizers. */
final class Grams {

    private Grams() {}

    /** Says which component and which sizes are wrong, before Lucene says it less clearly. */
    static void check(String component, int minGram, int maxGram) {
        if (minGram < 1) {
            throw new IllegalArgumentException(
                "[" + component + "] min_gram must be at least 1, got [" + minGram + "]"
            );
        }
        if (maxGram < minGram) {
            throw new IllegalArgumentException(
                "[" + component + "] max_gram [" + maxGram + "] must not be smaller than min_gram [" + minGram + "]"
            );
        }
    }

    /**
     * analysis-common gives edge_ngram a max_gram of 2 when it is configured without one, but 1
     * when it is named bare ({@code "filter": ["edge_ngram"]}). Only a configured component has a
     * {@code type} setting, which tells the two apart.
     */
    static int edgeMaxGram(int configured, String type) {
        if (configured != UNSET) {
            return configured;
        }
        return type.isEmpty() ? 1 : 2;
    }

    static final int UNSET = -1;
}
