package enabled.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The {@code token_chars} setting of the n-gram tokenizers: the character classes that belong
 * inside a token. Any other character splits tokens. An empty list keeps every character.
 */
final class TokenChars {

    static final List<String> CLASSES = List.of("letter", "digit", "whitespace", "punctuation", "symbol", "custom");

    private TokenChars() {}

    /** Returns null when every character is a token character. */
    static IntPredicate parse(String component, List<String> classes, String customChars) {
        if (classes == null || classes.isEmpty()) {
            return null;
        }
        List<IntPredicate> accepted = new ArrayList<>();
        for (String raw : classes) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "letter" -> accepted.add(Character::isLetter);
                case "digit" -> accepted.add(Character::isDigit);
                case "whitespace" -> accepted.add(Character::isWhitespace);
                case "punctuation" -> accepted.add(TokenChars::isPunctuation);
                case "symbol" -> accepted.add(TokenChars::isSymbol);
                case "custom" -> {
                    if (customChars.isEmpty()) {
                        throw new IllegalArgumentException(
                            "[" + component + "] token_chars [custom] requires the custom_token_chars setting"
                        );
                    }
                    accepted.add(chr -> customChars.codePoints().anyMatch(c -> c == chr));
                }
                default -> throw new IllegalArgumentException(
                    "[" + component + "] unknown token_chars class [" + raw + "], expected one of " + CLASSES
                );
            }
        }
        return chr -> accepted.stream().anyMatch(test -> test.test(chr));
    }

    private static boolean isPunctuation(int chr) {
        return switch (Character.getType(chr)) {
            case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION,
                Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                Character.FINAL_QUOTE_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isSymbol(int chr) {
        return switch (Character.getType(chr)) {
            case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
